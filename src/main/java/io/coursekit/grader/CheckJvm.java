package io.coursekit.grader;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
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

/** One check JVM as the grader sees it: a process to watch and kill, and the messages its runner sent. */
final class CheckJvm implements AutoCloseable {
    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(30);
    private static final int CONSOLE_TAIL_BYTES = 4096;

    private final Process process;
    private final ConsoleTail console;
    private final ServerSocket server;
    private final BlockingQueue<RunnerMessage> messages = new LinkedBlockingQueue<>();
    private final Duration exitGrace;
    private volatile boolean runnerDone;

    private CheckJvm(Process process, ConsoleTail console, ServerSocket server, Duration exitGrace) {
        this.process = process;
        this.console = console;
        this.server = server;
        this.exitGrace = exitGrace;
    }

    /**
     * Starts a JVM running {@link CheckRunner} in {@code workDir} and gives it its set-up, without waiting for it:
     * it warms up until {@link #run} gives it the checks.
     */
    static CheckJvm launch(CheckJvmSetup setup, Path workDir) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(100);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + setup.limits().memoryMb() + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8", "-Duser.language=en", "-Djava.io.tmpdir=" + workDir));
        command.addAll(setup.vmOptions());
        command.addAll(List.of("-cp", String.join(File.pathSeparator, setup.classpath()), CheckRunner.class.getName()));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            server.close();
            throw e;
        }
        CheckJvm jvm = new CheckJvm(process, ConsoleTail.drain(process.getInputStream(), CONSOLE_TAIL_BYTES), server,
                setup.exitGrace());
        try {
            new RunnerOrders(server.getLocalPort(), setup.redis(), setup.limits().outputBytes(), List.of())
                    .writeSetup(process.getOutputStream());
        } catch (IOException e) {
            // the JVM died at once; run() says so with its console
        }
        return jvm;
    }

    /**
     * Gives the JVM its checks and waits until its runner has called back.
     *
     * @throws IOException when it ended or did not call back, with the last lines of its console
     */
    void run(List<CheckMethod> checks) throws IOException {
        try (OutputStream stdin = process.getOutputStream()) {
            RunnerOrders.writeChecks(stdin, checks);
        } catch (IOException e) {
            // the JVM died before reading its checks; the wait below says so
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

    private void listen(Socket socket) {
        Thread reader = new Thread(() -> {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()))) {
                while (true) {
                    RunnerMessage message = RunnerMessage.read(in);
                    runnerDone |= message.kind() == RunnerMessage.Kind.DONE;
                    messages.add(message);
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

    /** Kills the JVM; one whose runner said it is done first gets its grace time to end by itself. */
    @Override
    public void close() {
        if (runnerDone && !exitGrace.isZero()) {
            try {
                process.waitFor(exitGrace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
    }
}
