package io.coursekit.portal;

import io.coursekit.cli.CourseKit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code coursekit worker} and {@code coursekit portal} as separate processes, the way they run on machines. */
final class WorkerProcesses {
    private WorkerProcesses() {
    }

    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), CourseKit.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static Process worker(Path log, String queue, Path labsDir, int claimAfterSeconds) throws IOException {
        return start(log, "worker", "--queue", queue, "--labs-dir", labsDir.toString(), "--claim-after",
                String.valueOf(claimAfterSeconds));
    }

    /** SIGKILL, as a power cut would, with everything it started (its Redis, its check JVM). */
    static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
