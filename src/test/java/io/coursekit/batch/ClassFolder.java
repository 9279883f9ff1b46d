package io.coursekit.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A class's submissions folder for tests, made of a lab pack's reference and samples, and what each must score. */
final class ClassFolder {
    static final Path ROOT = Path.of(System.getProperty("coursekit.root", "."));
    static final Path CACHE_ASIDE_LAB = ROOT.resolve("grader/labs/cache-aside");

    private final Path lab;
    private final Path dir;
    private final Map<String, String> sourceOf = new LinkedHashMap<>();

    ClassFolder(Path lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Adds {@code student} handing in the pack folder {@code source} (reference or samples/NAME), as a folder. */
    ClassFolder folder(String name, String source) {
        try {
            FolderCopy.tree(lab.resolve(source), dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sourceOf.put(name, source);
        return this;
    }

    /** The same as a .zip named {@code name}.zip. */
    ClassFolder zip(String name, String source) {
        zip(lab.resolve(source), dir.resolve(name + ".zip"));
        sourceOf.put(name, source);
        return this;
    }

    /** A zip with an entry that climbs out of its folder; a safe grader refuses it. */
    ClassFolder maliciousZip(String name) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(name + ".zip")))) {
            zip.putNextEntry(new ZipEntry("../../escaped/Evil.java"));
            zip.write("class Evil {}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The source each submission name was made from. */
    Map<String, String> sources() {
        return sourceOf;
    }

    /** What {@code source} must score: the lab's maximum with extra credit for the reference, else expected.yaml. */
    int score(String source, int allPoints) {
        return source.equals("reference") ? allPoints : expected().get(source.substring("samples/".length())).get("score").asInt();
    }

    /** Checks that fail for {@code source}: none for the reference, else from samples/expected.yaml. */
    List<String> failing(String source) {
        if (source.equals("reference")) {
            return List.of();
        }
        JsonNode entry = expected().get(source.substring("samples/".length()));
        List<String> failing = new ArrayList<>();
        entry.get("failing").forEach(n -> failing.add(n.asText()));
        return failing;
    }

    JsonNode expected() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(lab.resolve("samples/expected.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void zip(Path from, Path zipFile) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile));
             Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(from.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
