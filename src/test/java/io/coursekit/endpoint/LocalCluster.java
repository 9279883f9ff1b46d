package io.coursekit.endpoint;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Redis Cluster of primaries only, each a real redis-server on loopback, its slots shared out by redis-cli. */
final class LocalCluster implements AutoCloseable {
    private static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");

    private final List<LocalRedisServer> nodes;

    private LocalCluster(List<LocalRedisServer> nodes) {
        this.nodes = nodes;
    }

    static LocalCluster start(Path dir, int primaries, String... extra) throws IOException, InterruptedException {
        List<LocalRedisServer> nodes = new ArrayList<>();
        LocalCluster cluster = new LocalCluster(nodes);
        try {
            for (int i = 0; i < primaries; i++) {
                int port = LocalRedisServer.freePort();
                List<String> args = new ArrayList<>(List.of("--cluster-enabled", "yes",
                        "--cluster-config-file", dir.resolve("nodes-" + port + ".conf").toString()));
                args.addAll(List.of(extra));
                nodes.add(LocalRedisServer.start(dir, port, args.toArray(String[]::new)));
            }
            List<String> create = new ArrayList<>(List.of(REDIS_CLI.toString(), "--cluster", "create"));
            nodes.forEach(n -> create.add("127.0.0.1:" + n.port()));
            create.add("--cluster-yes");
            run(create);
            for (LocalRedisServer node : nodes) {
                awaitOk(node);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String uri() {
        return nodes.get(0).uri();
    }

    void seedProducts(int count) {
        RedisClusterClient client = RedisClusterClient.create(RedisURI.create(uri()));
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            for (int i = 1; i <= count; i++) {
                connection.sync().set("product:" + i, "{\"id\":" + i + "}", SetArgs.Builder.ex(600));
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static void awaitOk(LocalRedisServer node) throws IOException, InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            if (run(List.of(REDIS_CLI.toString(), "-p", String.valueOf(node.port()), "cluster", "info")).contains("cluster_state:ok")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("cluster node " + node.port() + " never reached cluster_state:ok");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    @Override
    public void close() {
        nodes.forEach(LocalRedisServer::close);
    }
}
