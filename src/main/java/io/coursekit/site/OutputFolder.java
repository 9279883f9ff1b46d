package io.coursekit.site;

import io.coursekit.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A folder coursekit writes whole: emptied first, but only when it is empty or an earlier run of ours made it. */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @param marker the file an earlier run left in the folder
     * @param writer the command that writes it, for the refusal ("coursekit build")
     */
    public static void empty(Path out, String marker, String writer) throws IOException {
        if (Files.isDirectory(out)) {
            boolean empty;
            try (Stream<Path> children = Files.list(out)) {
                empty = children.findAny().isEmpty();
            }
            if (!empty && !Files.exists(out.resolve(marker))) {
                throw new UserError("refusing to write into " + out.toAbsolutePath()
                        + ": it is not empty and was not made by " + writer + " (choose another --out)");
            }
            try (Stream<Path> all = Files.walk(out)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(out)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(out);
    }
}
