package io.coursekit.endpoint;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real redis-server on a free loopback port, started for one test and stopped by {@link #close()}. */
final class LocalRedisServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final long READY_WITHIN_MILLIS = 10_000;

    private final Process process;
    private final int port;
    private final Path log;

    private LocalRedisServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "skipped: " + BINARY + " is not installed");
    }

    /** Starts a server listening on {@code port} plainly, with {@code extra} arguments, and waits until it is ready. */
    static LocalRedisServer start(Path dir, int port, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString()));
        command.addAll(List.of(extra));
        Path log = dir.resolve("redis-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalRedisServer server = new LocalRedisServer(process, port, log);
        server.awaitReady();
        return server;
    }

    static LocalRedisServer start(Path dir, String... extra) throws IOException, InterruptedException {
        return start(dir, freePort(), extra);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long until = System.currentTimeMillis() + READY_WITHIN_MILLIS;
        while (System.currentTimeMillis() < until && process.isAlive()) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains("Ready to accept connections")) {
                return;
            }
            Thread.sleep(20);
        }
        String seen = Files.readString(log, StandardCharsets.UTF_8);
        close();
        throw new IllegalStateException("redis-server did not get ready on port " + port + ":\n" + seen);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
