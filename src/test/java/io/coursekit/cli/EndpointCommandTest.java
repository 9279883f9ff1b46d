package io.coursekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.endpoint.TestLabs;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint command as an instructor runs it: its own JVM, its environment, its exit status and files. */
class EndpointCommandTest {
    private static final Path LABS = SharedRedis.root().resolve("grader/labs");
    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    @TempDir
    Path dir;

    @Test
    void scoresAPasswordProtectedServerWithThePasswordFromTheEnvironment() throws Exception {
        int port = freePort();
        Process server = startServerWithPassword(port);
        try {
            Path lab = TestLabs.cacheAside(dir.resolve("lab"), TestLabs.PATIENT);
            Run run = coursekit(Map.of("STUDENT_REDIS_TOKEN", "token-42"), "endpoint", "--lab", lab.toString(),
                    "--out", dir.resolve("out").toString(), "--lang", "en",
                    "--password-env", "STUDENT_REDIS_TOKEN", "redis://127.0.0.1:" + port);

            assertThat(run.status).as(run.err).isZero();
            assertThat(run.out).contains("redis://127.0.0.1:" + port, "✓ auth-required", "✗ tls-in-transit",
                    "✗ app-keys", "Score: 55 / 100");
            assertThat(run.err).isEmpty();
            JsonNode results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
            assertThat(results.get("score").asInt()).isEqualTo(55);
            assertThat(results.toString()).doesNotContain("token-42");
            assertThat(dir.resolve("out/report.html")).exists();
            assertThat(dir.resolve("out/junit.xml")).exists();
        } finally {
            server.destroy();
            server.waitFor(3, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEndpointThatNeverAnswersStillGetsAReportWithinFifteenSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            Run run = coursekit(Map.of(), "endpoint", "--lab", "cache-aside", "--labs-dir", LABS.toString(),
                    "--out", dir.resolve("out").toString(), "--lang", "en", "redis://127.0.0.1:" + silent.getLocalPort());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(15));
            assertThat(run.status).as(run.err).isZero();
            assertThat(run.out).contains("but no answer within 3 s", "Score: 0 / 100");
            assertThat(dir.resolve("out/results.json")).exists();
        }
    }

    @Test
    void anUnsetPasswordVariableIsAUserErrorAndNothingIsContacted() throws Exception {
        Run run = coursekit(Map.of(), "endpoint", "--lab", "cache-aside", "--labs-dir", LABS.toString(),
                "--out", dir.resolve("out").toString(), "--password-env", "NO_SUCH_VARIABLE_SET", "redis://127.0.0.1:1");
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err.strip()).isEqualTo("--password-env NO_SUCH_VARIABLE_SET: that environment variable is not set or empty");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aPasswordInTheUriIsRefused() throws Exception {
        Run run = coursekit(Map.of(), "endpoint", "--lab", "cache-aside", "--labs-dir", LABS.toString(),
                "redis://default:hunter2@127.0.0.1:6379");
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).contains("carries a login", "--password-env").doesNotContain("Exception");
    }

    @Test
    void aLabWithoutAnEndpointSectionIsAUserError() throws Exception {
        Path tiny = SharedRedis.root().resolve("src/test/resources/labs/tiny");
        Run run = coursekit(Map.of(), "endpoint", "--lab", tiny.toString(), "redis://127.0.0.1:6379");
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err.strip()).isEqualTo(tiny.resolve("lab.yaml") + ": lab tiny has no endpoint: section, so it has no endpoint checks");
    }

    @Test
    void batchWithEndpointsChecksAClassIntoOneGradebookAndABadRowCostsOnlyItsStudent() throws Exception {
        int port = freePort();
        Process server = startServerWithPassword(port);
        try {
            Path lab = TestLabs.cacheAside(dir.resolve("lab"), TestLabs.PATIENT);
            Path csv = dir.resolve("endpoints.csv");
            Files.writeString(csv, """
                    student,uri,password_env
                    alice,redis://127.0.0.1:%d,ALICE_TOKEN
                    bob,redis://127.0.0.1:%d,
                    carol,redis://127.0.0.1:%d,
                    dave,redis://127.0.0.1:%d,UNSET_TOKEN_VARIABLE
                    eve,http://127.0.0.1:%d,
                    """.formatted(port, port, freePort(), port, port));
            Path out = dir.resolve("class");
            long start = System.nanoTime();
            Run run = coursekit(Map.of("ALICE_TOKEN", "token-42"), "batch", "--lab", lab.toString(), "--endpoints",
                    csv.toString(), "--out", out.toString(), "--lang", "en");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(run.status).as(run.out + run.err).isZero();
            assertThat(took).as("five endpoints, one silent, are checked side by side").isLessThan(Duration.ofSeconds(25));
            List<String> gradebook = Files.readAllLines(out.resolve("gradebook.csv"));
            assertThat(gradebook.get(0)).isEqualTo("student,score,max,reachable,auth-required,tls-in-transit,"
                    + "engine-and-version,eviction-policy,replication,cluster-mode,app-keys,latency,problem");
            assertThat(gradebook).hasSize(6);
            assertThat(gradebook.get(1)).startsWith("alice,55,100,10,10,0,");
            assertThat(gradebook.get(2)).as("refused without a password: auth-required is met, nothing else").isEqualTo("bob,10,100,0,10,0,0,0,0,0,0,0,");
            assertThat(gradebook.get(3)).startsWith("carol,0,100,0,").endsWith(",");
            assertThat(gradebook.get(4)).startsWith("dave,0,100,").contains("UNSET_TOKEN_VARIABLE");
            assertThat(gradebook.get(5)).startsWith("eve,0,100,").contains("line 6 (eve)");
            assertThat(Files.readString(out.resolve("bob/results.json"))).contains("NOAUTH");
            assertThat(Files.readString(out.resolve("carol/results.json"))).contains("connection refused at 127.0.0.1:");
            assertThat(Files.readString(out.resolve("summary.html"))).contains("reachable").doesNotContain("compile");
            assertThat(Files.readString(out.resolve("results.jsonl"))).doesNotContain("token-42");

            Run again = coursekit(Map.of("ALICE_TOKEN", "token-42"), "batch", "--lab", lab.toString(), "--endpoints",
                    csv.toString(), "--out", out.toString(), "--lang", "en");
            assertThat(again.out).contains("already graded in " + out + ": 5", "checking 0 endpoint(s)");
            assertThat(Files.readAllLines(out.resolve("gradebook.csv"))).isEqualTo(gradebook);
        } finally {
            server.destroy();
            server.waitFor(3, TimeUnit.SECONDS);
        }
    }

    private record Run(int status, String out, String err) {
    }

    /** Runs coursekit in a JVM of its own, as the jar would run, with {@code env} added to the environment. */
    private Run coursekit(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CourseKit.class.getName()));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("coursekit " + String.join(" ", args) + " did not finish in 30 s");
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** A real redis-server on {@code port} that needs the password token-42, listening when this returns. */
    private static Process startServerWithPassword(int port) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(REDIS_SERVER), "skipped: " + REDIS_SERVER + " is not installed");
        Process server = new ProcessBuilder(REDIS_SERVER.toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "no", "--requirepass", "token-42", "--maxmemory-policy", "volatile-lru")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitListening(port);
        } catch (IllegalStateException e) {
            server.destroyForcibly();
            throw e;
        }
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }
}
