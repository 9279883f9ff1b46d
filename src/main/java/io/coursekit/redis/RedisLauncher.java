package io.coursekit.redis;

import io.coursekit.UserError;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Gives the grader a real Redis as chosen by a {@link RedisMode}. */
public final class RedisLauncher {
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);

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
        return new RunningRedis(uri, description, () -> { });
    }

    private static RunningRedis server(Path executable, String description) {
        if (!Files.isExecutable(executable)) {
            throw new UserError(executable + ": not an executable redis-server");
        }
        int port = freePort();
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UserError("cannot start " + executable + ": " + e.getMessage());
        }
        URI uri = URI.create("redis://127.0.0.1:" + port);
        awaitPing(uri, description, process::isAlive);
        return new RunningRedis(uri, description, () -> stop(process));
    }

    private RunningRedis container(String image) {
        boolean engine = env.containsKey("DOCKER_HOST") || Files.exists(Path.of("/var/run/docker.sock"));
        if (!engine || onPath("docker").isEmpty()) {
            throw new UserError("--redis docker:" + image + " needs a Docker engine and the docker command, "
                    + "and none was found (no DOCKER_HOST, no /var/run/docker.sock). Use --redis auto instead.");
        }
        String id = docker("run", "-d", "--rm", "-p", "127.0.0.1::6379", image);
        String published = docker("port", id, "6379/tcp").lines().findFirst().orElse("");
        URI uri = URI.create("redis://" + published.trim());
        awaitPing(uri, "the container " + image, () -> true);
        return new RunningRedis(uri, "the container " + image + " (" + id.substring(0, Math.min(12, id.length())) + ")",
                () -> docker("rm", "-f", id));
    }

    private static String docker(String... args) {
        try {
            Process process = new ProcessBuilder(concat("docker", args)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new UserError("docker " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UserError("cannot run docker: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while running docker");
        }
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
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
        throw new UserError(description + " did not answer PING at " + uri
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
