package io.coursekit.site.pricing;

import io.coursekit.YamlTree.Scalar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The price books of {@code content/pricing/}, each read once, when a block first names it. */
final class PriceBooks {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final Path dir;
    private final Map<String, PriceBook> read = new ConcurrentHashMap<>();

    PriceBooks(Path dir) {
        this.dir = dir;
    }

    /** The book a block names; a name with no file is a problem where the block names it. */
    PriceBook named(Scalar name) {
        String text = name.text();
        if (text == null || !NAME.matcher(text).matches()) {
            throw name.problem("price book name must be lower-case letters, digits, '-' or '_', not '" + text + "'");
        }
        Path file = dir.resolve(text + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw name.problem("unknown price book '" + text + "': there is no " + file + " (price books: " + available() + ")");
        }
        return read.computeIfAbsent(text, key -> PriceBook.read(key, file));
    }

    private String available() {
        if (!Files.isDirectory(dir)) {
            return "none";
        }
        try (Stream<Path> files = Files.list(dir)) {
            String names = String.join(", ", files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".yaml"))
                    .map(file -> file.substring(0, file.length() - ".yaml".length()))
                    .sorted().toList());
            return names.isEmpty() ? "none" : names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
