package io.coursekit.portal;

import io.coursekit.grader.Sandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.batch.FolderCopy;
import io.coursekit.redis.RedisMode;
import io.coursekit.testing.SharedRedis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A portal for tests, started in this JVM, and the students' side of its API. */
final class PortalFixture implements AutoCloseable {
    static final Path LABS = SharedRedis.root().resolve("grader/labs");
    static final Path CACHE_ASIDE = LABS.resolve("cache-aside");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Portal portal;
    final Map<String, String> tokens;
    final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private PortalFixture(Portal portal) {
        this.portal = portal;
        this.tokens = portal.accounts().stream().collect(Collectors.toMap(a -> a.student().id(), PortalStore.Account::token));
        this.base = URI.create("http://127.0.0.1:" + portal.port());
    }

    /** A portal for {@code students}, with its own queue Redis and {@code workers} workers of its own. */
    static PortalFixture start(Path data, Path labsDir, List<String> students, PortalRules rules, int workers,
                               Clock clock, Optional<String> queue, Duration claimAfter) {
        List<Student> roster = students.stream().map(s -> new Student(s, s.toUpperCase(), "", "A", "")).toList();
        Portal portal = Portal.start(new Portal.Settings(SubmissionGrading.rubric("cache-aside", labsDir), labsDir, data,
                roster, rules, "en", queue, workers, new RedisMode.Auto(), Sandbox.detect(), Map.of("PATH", System.getenv("PATH")),
                "127.0.0.1", 0, Optional.empty(), claimAfter, new PrintStream(new ByteArrayOutputStream(), true),
                clock));
        return new PortalFixture(portal);
    }

    static PortalFixture start(Path data, List<String> students, PortalRules rules, int workers, Clock clock) {
        return start(data, LABS, students, rules, workers, clock, Optional.empty(), Duration.ofSeconds(30));
    }

    /** An HTTP answer with its JSON body (null when the body is not JSON). */
    record Answer(int status, JsonNode json, HttpResponse<String> response) {
    }

    Answer submit(String student, String fileName, byte[] content) {
        return send(HttpRequest.newBuilder(base.resolve("/api/submissions")).header("Authorization", "Bearer " + token(student)),
                List.of(new SubmissionDesk.UploadedPart(fileName, content)), "POST");
    }

    Answer get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return answer(request.build());
    }

    String token(String student) {
        return tokens.getOrDefault(student, student);
    }

    Answer send(HttpRequest.Builder request, List<SubmissionDesk.UploadedPart> parts, String method) {
        PortalLoad.Multipart body = PortalLoad.Multipart.of(parts);
        return answer(request.header("Content-Type", body.contentType())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    Answer answer(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the submission until {@code done} holds, for at most {@code within}; returns its last state. */
    JsonNode await(String student, String id, Predicate<JsonNode> done, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get("/api/submissions/" + id, token(student)).json();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("submission " + id + " did not get there within " + within + "; last: " + last);
    }

    JsonNode awaitGraded(String student, String id) throws InterruptedException {
        return await(student, id, s -> "graded".equals(s.path("status").asText()) || "failed".equals(s.path("status").asText()),
                Duration.ofSeconds(120));
    }

    @Override
    public void close() {
        portal.close();
    }

    /** The zip of a lab pack folder ({@code reference}, {@code samples/NAME}); {@code note} makes its sources unique. */
    static byte[] zipOf(Path lab, String source, String note) {
        return PortalLoad.zipOf(lab.resolve(source), note);
    }

    /** A copy of the cache-aside pack in {@code labsDir} whose listed checks show only after the due date. */
    static Path labWithChecksAfterTheDueDate(Path labsDir, List<String> checkIds) throws IOException {
        Path copy = labsDir.resolve("cache-aside");
        FolderCopy.tree(CACHE_ASIDE, copy);
        List<String> lines = new ArrayList<>(Files.readAllLines(copy.resolve("lab.yaml")));
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("  - id: ")) {
                current = line.substring("  - id: ".length()).strip();
            }
            if (current != null && checkIds.contains(current) && line.strip().equals("visibility: visible")) {
                lines.set(i, line.replace("visible", "after_due_date"));
            }
        }
        Files.write(copy.resolve("lab.yaml"), lines);
        return labsDir;
    }
}
