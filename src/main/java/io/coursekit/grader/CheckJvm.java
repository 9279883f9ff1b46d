package io.coursekit.grader;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One check JVM as the grader sees it: a process to watch and kill, and the messages its runner sent. It grades one
 * submission after another for as long as the grader keeps it; its working folder is its own, not a submission's.
 */
final class CheckJvm implements AutoCloseable {
    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(30);
    private static final int CONSOLE_TAIL_BYTES = 4096;
    /** The last JDK whose {@link ExitGuard} may be switched on; 17 allows it without being asked. */
    private static final int LAST_JDK_WITH_SECURITY_MANAGER = 23;

    private final Process process;
    private final Path workDir;
    private final ConsoleTail console;
    private final ServerSocket server;
    private final BlockingQueue<RunnerMessage> messages = new LinkedBlockingQueue<>();
    private final Duration exitGrace;
    private int submissions;

    private CheckJvm(Process process, Path workDir, ConsoleTail console, ServerSocket server, Duration exitGrace) {
        this.process = process;
        this.workDir = workDir;
        this.console = console;
        this.server = server;
        this.exitGrace = exitGrace;
    }

    /**
     * Starts a JVM running {@link CheckRunner} in a new working folder and gives it its set-up, without waiting for
     * it: it warms up until {@link #run} gives it a submission.
     */
    static CheckJvm launch(CheckJvmSetup setup) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(100);
        Path workDir = ScratchFolder.create("coursekit-check-jvm-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + setup.limits().memoryMb() + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8", "-Duser.language=en", "-Djava.io.tmpdir=" + workDir));
        int jdk = Runtime.version().feature();
        if (jdk > 17 && jdk <= LAST_JDK_WITH_SECURITY_MANAGER) {
            command.add("-Djava.security.manager=allow");
        }
        command.addAll(setup.vmOptions());
        command.addAll(List.of("-cp", String.join(File.pathSeparator, setup.classpath()), CheckRunner.class.getName()));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            server.close();
            ScratchFolder.delete(workDir);
            throw e;
        }
        CheckJvm jvm = new CheckJvm(process, workDir, ConsoleTail.drain(process.getInputStream(), CONSOLE_TAIL_BYTES),
                server, setup.exitGrace());
        try {
            new RunnerOrders(server.getLocalPort(), setup.redis(), setup.limits().outputBytes())
                    .writeSetup(process.getOutputStream());
        } catch (IOException e) {
            // the JVM died at once; run() says so with its console
        }
        return jvm;
    }

    /**
     * Gives the JVM a submission to grade and, the first time, waits until its runner has called back.
     *
     * @throws IOException when it ended or did not call back, with the last lines of its console
     */
    void run(RunnerOrders.Order order) throws IOException {
        try {
            RunnerOrders.writeOrder(process.getOutputStream(), order);
        } catch (IOException e) {
            // the JVM died before reading its orders; the wait below says so
        }
        if (submissions++ > 0) {
            return;
        }
        long deadline = System.nanoTime() + CONNECT_WITHIN.toNanos();
        try (server) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    listen(server.accept());
                    return;
                } catch (SocketTimeoutException e) {
                    // not connected yet: look again whether it is still alive
                }
            }
        }
        close();
        throw new IOException("the check JVM did not start" + (process.isAlive()
                ? " within " + CONNECT_WITHIN.toSeconds() + " s" : " (exit status " + process.exitValue() + ")")
                + ": " + console());
    }

    /** How many submissions it was given, the one it grades included. */
    int submissions() {
        return submissions;
    }

    private void listen(Socket socket) {
        Thread reader = new Thread(() -> {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()))) {
                while (true) {
                    messages.add(RunnerMessage.read(in));
                }
            } catch (EOFException e) {
                // the runner closed the channel: it is done or its JVM has ended
            } catch (IOException | RuntimeException e) {
                // a broken message is treated like a JVM that ended mid-check
            } finally {
                messages.add(RunnerMessage.closed());
            }
        }, "check-jvm-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next message, or empty when none came by {@code deadline} (System.nanoTime); the last one is CLOSED. */
    Optional<RunnerMessage> next(long deadline) throws InterruptedException {
        return Optional.ofNullable(messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    }

    /** The JVM's exit status once it has ended, waiting a moment for it; empty when it is still running. */
    Optional<Integer> exitStatus() throws InterruptedException {
        return process.waitFor(2, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** The last lines the JVM wrote to its real console, outside any check's capture. */
    String console() {
        return console.text();
    }

    /** Ends the JVM: tells its runner to end, gives it its grace time to do so, then kills it. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!exitGrace.isZero()) {
                process.waitFor(exitGrace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            // it has ended already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.close();
        } catch (IOException e) {
            // it only listened on a local port
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ScratchFolder.delete(workDir);
    }
}
