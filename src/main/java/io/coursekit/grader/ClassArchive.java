package io.coursekit.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The class data archive (CDS) of a compiled lab: the JDK, JUnit, Lettuce and check classes a check JVM loads, as
 * one file every later check JVM maps instead of loading them again, which halves its start. It is written once per
 * compiled lab by a JVM grading the lab's reference solution, never by a student's submission, so the file holds
 * only the lab author's and coursekit's code.
 */
final class ClassArchive {
    private static final Object TRAINING = new Object();
    /** A class from a folder or one generated at run time cannot be archived; the JVM says so on every run. */
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path file;
    private final boolean possible;

    /** @param sharedClasspath a check JVM's class path; only jars can be archived */
    ClassArchive(CompiledLab compiled, List<Path> sharedClasspath) {
        this.file = compiled.classArchive();
        this.possible = Files.isDirectory(compiled.lab().referenceDir()) && sharedClasspath.stream()
                .allMatch(entry -> entry.getFileName().toString().endsWith(".jar") && Files.isRegularFile(entry));
    }

    /** The options that make a check JVM map the archive; none while there is no archive. */
    List<String> vmOptions() {
        return Files.isRegularFile(file) ? List.of("-XX:SharedArchiveFile=" + file, QUIET) : List.of();
    }

    boolean needsTraining() {
        return possible && !Files.isRegularFile(file);
    }

    /**
     * Runs {@code referenceGrading} with the options that make its check JVMs write the archive as they end, and
     * keeps the archive when one was written. One training at a time in this process; the others then use its archive.
     */
    void train(Consumer<List<String>> referenceGrading) {
        synchronized (TRAINING) {
            if (!needsTraining()) {
                return;
            }
            Path written = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                referenceGrading.accept(List.of("-XX:ArchiveClassesAtExit=" + written, QUIET));
                if (Files.isRegularFile(written) && Files.size(written) > 0) {
                    Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | UncheckedIOException e) {
                // without the archive check JVMs start as they always did, only slower
            } finally {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException e) {
                    // a leftover temporary file in the cache is harmless
                }
            }
        }
    }
}
