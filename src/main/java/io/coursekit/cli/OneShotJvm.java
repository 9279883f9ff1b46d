package io.coursekit.cli;

import io.coursekit.UserCache;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a command that works once and exits ({@code build}) in a JVM that compiles with C1 only. On two cores, C2
 * compiling the hot parts of a 359-page build used more CPU than the build itself (14 s of CPU against 6 s), so the
 * first JVM starts a second one with {@code -XX:TieredStopAtLevel=1} and hands it the command line, its input and
 * output. Commands that run long (serve, grading) keep the full compiler.
 */
final class OneShotJvm {
    private static final Set<String> ONE_SHOT = Set.of("build");
    private static final String MARK = "coursekit.oneShot";

    private OneShotJvm() {
    }

    /** The exit code of the command run in the one-shot JVM, or -1 when this JVM should run it itself. */
    static int runApart(String[] args) {
        Path jar = jar();
        if (args.length == 0 || !ONE_SHOT.contains(args[0]) || jar == null || System.getProperty(MARK) != null
                || ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel"))) {
            return -1;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xshare:auto", "-Xlog:cds*=off", classArchive(jar),
                "-D" + MARK + "=true", "-cp", jar.toString(), CourseKit.class.getName()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The classes a build loads, archived once per jar (JDK 17's dynamic class data sharing) in the user's cache, so
     * later builds map them instead of loading them from the 70 MB jar.
     */
    private static String classArchive(Path jar) {
        Path folder = UserCache.folder("build");
        File archive = folder.resolve("classes-" + Integer.toHexString((jar + "|" + new File(jar.toString()).lastModified()
                + "|" + new File(jar.toString()).length() + "|" + System.getProperty("java.version")).hashCode()) + ".jsa").toFile();
        if (archive.isFile()) {
            return "-XX:SharedArchiveFile=" + archive;
        }
        return folder.toFile().mkdirs() || folder.toFile().isDirectory() ? "-XX:ArchiveClassesAtExit=" + archive : "-Xshare:auto";
    }

    /** The coursekit jar this JVM runs from; null when it runs from classes (tests, an IDE). */
    static Path jar() {
        try {
            Path source = Path.of(CourseKit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.toString().endsWith(".jar") && new File(source.toString()).isFile() ? source : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
