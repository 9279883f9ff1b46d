package io.coursekit.redis;

import io.coursekit.UserError;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Gives the grader a real Redis as chosen by a {@link RedisMode}. */
public final class RedisLauncher {
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);
    private static final int REDIS_PORT = 6379;
    /** A submission that stores without end gets errors from Redis, not the machine's memory. */
    private static final String MAX_MEMORY = "256mb";
    private static final String SERVER_LIMITS = "maxmemory " + MAX_MEMORY + "\nmaxmemory-policy noeviction\n";

    private final Map<String, String> env;

    public RedisLauncher(Map<String, String> env) {
        this.env = env;
    }

    public RunningRedis start(RedisMode mode) {
        if (mode instanceof RedisMode.Uri given) {
            return reachable(given.uri(), given.uri().toString());
        }
        if (mode instanceof RedisMode.Binary binary) {
            return server(binary.executable(), "redis server " + binary.executable());
        }
        if (mode instanceof RedisMode.Docker docker) {
            return container(docker.image());
        }
        String url = env.get("REDIS_URL");
        if (url != null && !url.isBlank()) {
            return reachable(RedisMode.redisUri(url.trim()), "REDIS_URL (" + url.trim() + ")");
        }
        for (String name : List.of("redis-server", "valkey-server")) {
            Optional<Path> onPath = onPath(name);
            if (onPath.isPresent()) {
                return server(onPath.get(), name + " on PATH (" + onPath.get() + ")");
            }
        }
        return server(embeddedBinary(), "the embedded redis-server");
    }

    private static RunningRedis reachable(URI uri, String description) {
        try {
            RedisWire.call(uri, "PING");
        } catch (IOException e) {
            throw new UserError("cannot reach Redis at " + uri + ": " + e.getMessage());
        }
        return new RunningRedis(RedisAccess.prepare(uri), description, () -> { });
    }

    private static RunningRedis server(Path executable, String description) {
        if (!Files.isExecutable(executable)) {
            throw new UserError(executable + ": not an executable redis-server");
        }
        int port = freePort();
        String password = adminPassword();
        Process process;
        String config = "port " + port + "\nbind 127.0.0.1\nsave \"\"\nappendonly no\ndaemonize no\n" + SERVER_LIMITS
                + "requirepass " + password + "\n";
        try {
            // the configuration, password included, goes in on standard input: not on a command line others can read
            process = new ProcessBuilder(executable.toString(), "-").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(config.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UserError("cannot start " + executable + ": " + e.getMessage());
        }
        URI uri = URI.create("redis://:" + password + "@127.0.0.1:" + port);
        awaitPing(uri, description, process::isAlive);
        return new RunningRedis(RedisAccess.prepare(uri), description, () -> stop(process));
    }

    private static String adminPassword() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** A throwaway Redis container, through Testcontainers; without a Docker engine, a clear error and nothing else. */
    private RunningRedis container(String image) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new UserError("--redis docker:" + image + " needs a Docker engine, and Testcontainers found none "
                    + "(DOCKER_HOST, /var/run/docker.sock or ~/.testcontainers.properties). Use --redis auto instead.");
        }
        String password = adminPassword();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image)).withExposedPorts(REDIS_PORT)
                .withCommand("redis-server", "--requirepass", password, "--maxmemory", MAX_MEMORY,
                        "--maxmemory-policy", "noeviction");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new UserError("--redis docker:" + image + ": the container did not start: " + e.getMessage());
        }
        URI uri = URI.create("redis://:" + password + "@" + container.getHost() + ":" + container.getMappedPort(REDIS_PORT));
        String description = "the container " + image + " (" + container.getContainerId().substring(0, 12) + ")";
        awaitPing(uri, description, container::isRunning);
        return new RunningRedis(RedisAccess.prepare(uri), description, container::stop);
    }

    private static void awaitPing(URI uri, String description, BooleanSupplier alive) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                RedisWire.call(uri, "PING");
                return;
            } catch (IOException e) {
                last = e;
                sleep(50);
            }
        }
        throw new UserError(description + " did not answer PING at " + uri.getHost() + ":" + uri.getPort()
                + (last == null ? " (it exited)" : ": " + last.getMessage()));
    }

    private Optional<Path> onPath(String name) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }

    private static Path embeddedBinary() {
        try {
            File binary = ExecutableProvider.newJarResourceProvider().get();
            binary.setExecutable(true);
            return binary.toPath();
        } catch (IOException | RuntimeException e) {
            throw new UserError("no Redis: REDIS_URL is unset, no redis-server or valkey-server is on PATH, "
                    + "and the embedded binary has no build for this machine (" + e.getMessage() + ")");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
