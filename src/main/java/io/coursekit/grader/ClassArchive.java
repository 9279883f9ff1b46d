package io.coursekit.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A class data archive (CDS) of a compiled lab: the JDK, library and coursekit classes a JVM of one kind loads, as one
 * file later JVMs map instead of loading them again, which halves their start. It is written once per compiled lab
 * by JVMs grading the lab's reference solution, never a student's submission, and sealed like the rest of the cache.
 */
final class ClassArchive {
    /** A class from a folder or one generated at run time cannot be archived; the JVM says so on every run. */
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path file;

    ClassArchive(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    boolean usable() {
        return Files.isRegularFile(file) && CacheSeal.intact(file);
    }

    /** The options that make a JVM map the archive, seen by the JVM at {@code seenAs}; none while there is none. */
    List<String> useOptions(String seenAs) {
        return usable() ? List.of("-XX:SharedArchiveFile=" + seenAs, QUIET) : List.of();
    }

    /** The options that make a JVM write an archive to {@code seenAs} as it ends. */
    static List<String> writeOptions(String seenAs) {
        return List.of("-XX:ArchiveClassesAtExit=" + seenAs, QUIET);
    }

    /** Keeps the largest archive the training JVMs wrote into {@code written}, sealed; does nothing when none did. */
    void keepLargest(Path written) {
        try (Stream<Path> files = Files.list(written)) {
            Optional<Path> largest = files.filter(f -> f.toString().endsWith(".jsa"))
                    .max(Comparator.comparingLong(ClassArchive::size));
            if (largest.isPresent() && size(largest.get()) > 0) {
                // copied, not moved: a sandbox's own user wrote it, and the cache's files are the grader's alone
                Path copy = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                Files.copy(largest.get(), copy, StandardCopyOption.REPLACE_EXISTING);
                CacheSeal.seal(copy, file);
                Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // without the archive JVMs start as they always did, only slower
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
