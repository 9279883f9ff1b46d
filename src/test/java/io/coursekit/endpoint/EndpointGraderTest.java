package io.coursekit.endpoint;

import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;
import io.coursekit.report.Wording;
import io.coursekit.lab.Lab;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of endpoint a student may hand in, as a real local redis-server, with the score it must get. */
class EndpointGraderTest {
    private static final Wording ENGLISH = Wording.of("en");
    private static Lab lab;
    private static final String[] LRU = {"--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"};

    @TempDir
    Path dir;

    @BeforeAll
    static void redisInstalledAndLabWritten(@TempDir Path labDir) throws IOException {
        LocalRedisServer.assumeInstalled();
        lab = Lab.load(TestLabs.cacheAside(labDir, TestLabs.PATIENT));
    }

    @Test
    void plainServerEarnsOnlyWhatItShows() throws Exception {
        try (LocalRedisServer server = LocalRedisServer.start(dir)) {
            seedProducts(server.uri(), 20);
            GradeReport report = grade(server.uri(), Optional.empty());

            assertThat(passed(report)).containsExactlyInAnyOrder("reachable", "engine-and-version", "cluster-mode",
                    "app-keys", "latency");
            assertThat(report.score()).isEqualTo(50);
            assertThat(report.maxScore()).isEqualTo(100);
            assertThat(reason(report, "auth-required")).startsWith("the endpoint answers PING without a password");
            assertThat(reason(report, "tls-in-transit")).contains("given as redis://, without TLS");
            assertThat(reason(report, "eviction-policy")).startsWith("maxmemory-policy is noeviction");
            assertThat(reason(report, "replication")).startsWith("0 connected replica(s)");
            assertThat(detail(report, "engine-and-version")).startsWith("Redis 7.");
            assertThat(detail(report, "app-keys")).startsWith("20 key(s) matching product:*");
            assertThat(detail(report, "latency")).matches("p50 [0-9.]+ ms, p99 [0-9.]+ ms over 200 PINGs");
        }
    }

    @Test
    void runLeavesTheDataAsItWasAndSendsOnlyReads() throws Exception {
        try (LocalRedisServer server = LocalRedisServer.start(dir)) {
            seedProducts(server.uri(), 120);
            withRedis(server.uri(), redis -> redis.set("session:7", "s"));
            Snapshot before = Snapshot.of(server.uri());

            List<String> sent;
            try (CommandLog log = CommandLog.start(server.port(), dir.resolve("monitor.log"))) {
                grade(server.uri(), Optional.empty());
                sent = log.commands();
            }

            assertThat(Snapshot.of(server.uri())).isEqualTo(before);
            assertThat(before.size()).isEqualTo(121);
            assertThat(new TreeSet<>(sent)).isSubsetOf("HELLO", "CLIENT", "PING", "INFO", "SCAN", "TTL");
            assertThat(sent).filteredOn("PING"::equals).hasSize(201);
            assertThat(sent).filteredOn("TTL"::equals).hasSize(50);
            assertThat(sent.size()).isLessThan(280);
        }
    }

    @Test
    void passwordServerNeedsThePasswordAndEarnsAuthRequired() throws Exception {
        String password = "s3cret-token-for-test";
        try (LocalRedisServer server = LocalRedisServer.start(dir, concat(LRU, "--requirepass", password))) {
            seedProducts("redis://" + password + "@127.0.0.1:" + server.port(), 5);

            GradeReport withPassword = grade(server.uri(), Optional.of(password));
            assertThat(passed(withPassword)).containsExactlyInAnyOrder("reachable", "auth-required", "engine-and-version",
                    "eviction-policy", "cluster-mode", "app-keys", "latency");
            assertThat(withPassword.score()).isEqualTo(70);
            assertThat(detail(withPassword, "auth-required")).isEqualTo("a PING without a password was refused");

            GradeReport withoutPassword = grade(server.uri(), Optional.empty());
            assertThat(passed(withoutPassword)).containsExactly("auth-required");
            assertThat(withoutPassword.score()).isEqualTo(10);
            assertThat(reason(withoutPassword, "reachable")).startsWith("NOAUTH: this endpoint needs a password");
            assertThat(reason(withoutPassword, "app-keys")).isEqualTo("not run: not logged in (see reachable)");

            GradeReport wrongPassword = grade(server.uri(), Optional.of("not-it"));
            assertThat(reason(wrongPassword, "reachable")).startsWith("WRONGPASS");
        }
    }

    @Test
    void primaryWithReplicaEarnsReplication() throws Exception {
        try (LocalRedisServer primary = LocalRedisServer.start(dir, concat(LRU, "--repl-diskless-sync-delay", "0"));
             LocalRedisServer replica = LocalRedisServer.start(dir, "--replicaof", "127.0.0.1", String.valueOf(primary.port()))) {
            awaitReplicas(primary.uri(), 1);
            seedProducts(primary.uri(), 3);

            GradeReport report = grade(primary.uri(), Optional.empty());
            assertThat(passed(report)).contains("replication", "eviction-policy");
            assertThat(detail(report, "replication")).isEqualTo("1 connected replica(s)");
            assertThat(report.score()).isEqualTo(75);

            GradeReport ofReplica = grade(replica.uri(), Optional.empty());
            assertThat(reason(ofReplica, "replication")).startsWith("this node is a replica (role:slave)");
        }
    }

    @Test
    void clusterIsScannedOnEveryShardWithTheClusterClient() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(dir, 3, LRU)) {
            cluster.seedProducts(30);

            GradeReport report = grade(cluster.uri(), Optional.empty());
            assertThat(passed(report)).containsExactlyInAnyOrder("reachable", "engine-and-version", "eviction-policy",
                    "app-keys", "latency");
            assertThat(report.score()).isEqualTo(50);
            assertThat(reason(report, "cluster-mode")).isEqualTo(
                    "cluster mode is enabled; this lab asks for cluster mode disabled (one shard)");
            assertThat(reason(report, "replication")).contains("has 0 replica(s); this lab needs at least 1 per shard");
            assertThat(detail(report, "app-keys")).startsWith("30 key(s) matching product:*");

            Lab clusterLab = Lab.load(TestLabs.cacheAside(dir.resolve("cluster-lab"), "cluster_mode: disabled", "cluster_mode: enabled"));
            GradeReport asked = EndpointGrader.grade(clusterLab, endpoint(cluster.uri(), Optional.empty(), Optional.empty()));
            assertThat(detail(asked, "cluster-mode")).isEqualTo("cluster mode enabled with 3 shard(s)");
        }
    }

    @Test
    void tlsServerIsTrustedThroughTheGivenCaFile() throws Exception {
        TestCertificates certificates = TestCertificates.make(Files.createDirectories(dir.resolve("right")), "IP:127.0.0.1");
        TestCertificates elsewhere = TestCertificates.make(Files.createDirectories(dir.resolve("wrong")), "DNS:cache.example.com");
        int tlsPort = LocalRedisServer.freePort();
        int wrongNamePort = LocalRedisServer.freePort();
        try (LocalRedisServer server = tlsServer(certificates, tlsPort);
             LocalRedisServer wrongName = tlsServer(elsewhere, wrongNamePort)) {
            String uri = "rediss://127.0.0.1:" + tlsPort;

            GradeReport trusted = grade(uri, Optional.empty(), Optional.of(certificates.ca()));
            assertThat(passed(trusted)).containsExactlyInAnyOrder("reachable", "tls-in-transit", "engine-and-version",
                    "cluster-mode", "latency");
            assertThat(detail(trusted, "tls-in-transit")).startsWith("TLS handshake with a verified certificate for 127.0.0.1");
            assertThat(trusted.score()).isEqualTo(50);

            GradeReport untrusted = grade(uri, Optional.empty(), Optional.empty());
            assertThat(passed(untrusted)).isEmpty();
            assertThat(reason(untrusted, "reachable")).startsWith("TLS handshake failed: certificate not trusted");
            assertThat(reason(untrusted, "tls-in-transit")).startsWith("TLS handshake failed: certificate not trusted");
            assertThat(reason(untrusted, "latency")).startsWith("not run: TLS handshake failed");

            GradeReport misnamed = grade("rediss://127.0.0.1:" + wrongNamePort, Optional.empty(), Optional.of(elsewhere.ca()));
            assertThat(reason(misnamed, "tls-in-transit")).startsWith("TLS handshake failed: the certificate is not for 127.0.0.1");

            GradeReport plainToTls = grade("redis://127.0.0.1:" + tlsPort, Optional.empty());
            assertThat(reason(plainToTls, "reachable")).endsWith("does it expect TLS (rediss://)?");
        }
    }

    private LocalRedisServer tlsServer(TestCertificates certificates, int tlsPort) throws Exception {
        return LocalRedisServer.start(dir, 0, "--tls-port", String.valueOf(tlsPort),
                "--tls-cert-file", certificates.serverCert().toString(), "--tls-key-file", certificates.serverKey().toString(),
                "--tls-ca-cert-file", certificates.ca().toString(), "--tls-auth-clients", "no");
    }

    @Test
    void closedPortIsReportedAsRefusedAtOnce() throws Exception {
        int port = LocalRedisServer.freePort();
        long start = System.nanoTime();
        GradeReport report = grade("redis://127.0.0.1:" + port, Optional.empty());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(reason(report, "reachable")).startsWith("connection refused at 127.0.0.1:" + port);
        assertThat(reason(report, "engine-and-version")).isEqualTo("not run: endpoint unreachable (see reachable)");
        assertThat(ENGLISH.intake(report)).startsWith("connection refused at 127.0.0.1:" + port);
        assertThat(report.score()).isZero();
    }

    @Test
    void silentListenerIsReportedWithinTheLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            GradeReport report = grade("redis://127.0.0.1:" + silent.getLocalPort(), Optional.empty());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(15));
            assertThat(reason(report, "reachable")).startsWith("connected to 127.0.0.1:" + silent.getLocalPort()
                    + " but no answer within 3 s");
            assertThat(reason(report, "latency")).startsWith("not run: endpoint unreachable");
            assertThat(report.score()).isZero();
        }
    }

    private static GradeReport grade(String uri, Optional<String> password) {
        return grade(uri, password, Optional.empty());
    }

    private static GradeReport grade(String uri, Optional<String> password, Optional<Path> ca) {
        return EndpointGrader.grade(lab, endpoint(uri, password, ca));
    }

    private static StudentEndpoint endpoint(String uri, Optional<String> password, Optional<Path> ca) {
        return new StudentEndpoint(EndpointAddress.parse(uri), Optional.empty(), password, ca);
    }

    private static List<String> passed(GradeReport report) {
        return report.results().stream().filter(CheckResult::passed).map(r -> r.check().id()).toList();
    }

    private static String reason(GradeReport report, String checkId) {
        return ENGLISH.reason(result(report, checkId).reason());
    }

    /** What a passed check saw. */
    private static String detail(GradeReport report, String checkId) {
        CheckResult result = result(report, checkId);
        assertThat(result.passed()).as(() -> checkId + ": " + ENGLISH.reason(result.reason())).isTrue();
        return result.output();
    }

    private static CheckResult result(GradeReport report, String checkId) {
        return report.results().stream().filter(r -> r.check().id().equals(checkId)).findFirst().orElseThrow();
    }

    static void seedProducts(String uri, int count) {
        withRedis(uri, redis -> {
            for (int i = 1; i <= count; i++) {
                redis.set("product:" + i, "{\"id\":" + i + "}", SetArgs.Builder.ex(600));
            }
        });
    }

    private static void awaitReplicas(String uri, int replicas) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            String[] seen = new String[1];
            withRedis(uri, redis -> seen[0] = redis.info("replication"));
            if (seen[0].contains("connected_slaves:" + replicas) && seen[0].contains("state=online")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no replica came online at " + uri);
    }

    static void withRedis(String uri, Consumer<RedisCommands<String, String>> use) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            use.accept(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(rest)).toArray(String[]::new);
    }

    /** Every key with its value and whether it expires: what a read-only run must leave exactly as it was. */
    private record Snapshot(Map<String, String> values, long size) {
        static Snapshot of(String uri) {
            Snapshot[] taken = new Snapshot[1];
            withRedis(uri, redis -> {
                Map<String, String> values = redis.keys("*").stream()
                        .collect(Collectors.toMap(k -> k, k -> redis.get(k) + (redis.ttl(k) > 0 ? " (expires)" : ""),
                                (a, b) -> a, TreeMap::new));
                taken[0] = new Snapshot(values, redis.dbsize());
            });
            return taken[0];
        }
    }
}
