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
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** One check JVM as the grader sees it: a process to watch and kill, and the messages its runner sent. */
final class CheckJvm implements AutoCloseable {
    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(30);
    private static final int CONSOLE_TAIL_BYTES = 4096;

    /** What the reader thread queues once the runner's socket closes. */
    private static final RunnerMessage CLOSED = new RunnerMessage(null, "", false, "", "", false);

    private final Process process;
    private final ConsoleTail console;
    private final BlockingQueue<RunnerMessage> messages = new LinkedBlockingQueue<>();

    private CheckJvm(Process process, ConsoleTail console) {
        this.process = process;
        this.console = console;
    }

    /**
     * Starts a JVM running {@link CheckRunner} on {@code checks} with {@code classpath}, in {@code workDir}.
     *
     * @throws IOException when it ended or did not call back, with the last lines of its console
     */
    static CheckJvm start(List<Path> classpath, Limits limits, URI redis, List<CheckMethod> checks, Path workDir)
            throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(100);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + limits.memoryMb() + "m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                    "-Dfile.encoding=UTF-8", "-Duser.language=en", "-Djava.io.tmpdir=" + workDir,
                    "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                    CheckRunner.class.getName()));
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            CheckJvm jvm = new CheckJvm(process, ConsoleTail.drain(process.getInputStream(), CONSOLE_TAIL_BYTES));
            try (OutputStream stdin = process.getOutputStream()) {
                new RunnerOrders(server.getLocalPort(), redis, limits.outputBytes(), checks).write(stdin);
            } catch (IOException e) {
                // the JVM died before reading its orders; the wait below says so
            }
            long deadline = System.nanoTime() + CONNECT_WITHIN.toNanos();
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    jvm.listen(server.accept());
                    return jvm;
                } catch (SocketTimeoutException e) {
                    // not connected yet: look again whether it is still alive
                }
            }
            jvm.close();
            throw new IOException("the check JVM did not start" + (process.isAlive() ? " within " + CONNECT_WITHIN.toSeconds() + " s"
                    : " (exit status " + process.exitValue() + ")") + ": " + jvm.console());
        }
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
                messages.add(CLOSED);
            }
        }, "check-jvm-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next message, or empty when none came by {@code deadline} (System.nanoTime); closing gives {@link #isClosed}. */
    Optional<RunnerMessage> next(long deadline) throws InterruptedException {
        return Optional.ofNullable(messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    }

    static boolean isClosed(RunnerMessage message) {
        return message == CLOSED;
    }

    /** The JVM's exit status once it has ended, waiting a moment for it; empty when it is still running. */
    Optional<Integer> exitStatus() throws InterruptedException {
        return process.waitFor(2, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** The last lines the JVM wrote to its real console, outside any check's capture. */
    String console() {
        return console.text();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
