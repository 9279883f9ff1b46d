package io.coursekit.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs a folder of compiled classes into a jar. */
final class ClassJar {
    /** 1980-02-01, the first day a zip entry can carry. */
    private static final long FIXED_TIME = 318_211_200_000L;

    private ClassJar() {
    }

    static void write(Path classes, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> tree = Files.walk(classes)) {
            files = tree.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path entry : files) {
                JarEntry jarEntry = new JarEntry(classes.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/"));
                // the same classes always make the same bytes
                jarEntry.setTime(FIXED_TIME);
                out.putNextEntry(jarEntry);
                Files.copy(entry, out);
                out.closeEntry();
            }
        }
    }
}
