package io.coursekit.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A class handing in at once, through the portal's API as students' scripts would: every upload is sent, then
 * every submission is followed until it is graded (or the time is up). Used by {@code bench portal} and its test.
 */
public final class PortalLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Times come from the portal's own graded_at, so polling seldom costs no precision and leaves the cores to grading. */
    private static final Duration POLL = Duration.ofSeconds(1);

    /** One upload of the class: whose, and the zip. */
    public record Upload(String student, byte[] zip) {
    }

    /**
     * What came of a load.
     *
     * @param uploadToScore per graded submission, from just before its upload was sent until the portal stored its score
     * @param lost          uploads the portal took (201) but had not finished by the end
     * @param refused       uploads the portal did not take, with its status code
     * @param scores        each finished submission's id and score (-1 when it failed)
     */
    public record Outcome(int sent, int graded, int failed, int lost, List<Integer> refused, Duration wall,
                          List<Duration> uploadToScore, Map<String, Integer> scores) {

        public Duration percentile(int percent) {
            List<Duration> sorted = uploadToScore.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return Duration.ZERO;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
        }

        /** Graded submissions per minute, from the first upload to the last score. */
        public double perMinute() {
            return wall.isZero() ? 0 : graded * 60.0 / (wall.toNanos() / 1e9);
        }
    }

    private final URI base;
    private final Map<String, String> tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param tokens each student's token */
    public PortalLoad(URI base, Map<String, String> tokens) {
        this.base = base;
        this.tokens = Map.copyOf(tokens);
    }

    /** The uploads of a class: {@code count} of them from {@code students} students, the sources taken in turn. */
    public static List<Upload> classOf(List<Path> sources, int count, List<String> students) {
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // a note in every copy keeps two copies of one source from being the same submission
            uploads.add(new Upload(students.get(i % students.size()), zipOf(sources.get(i % sources.size()),
                    "coursekit bench portal: submission " + (i + 1))));
        }
        return uploads;
    }

    /** A folder's .java files as a zip, {@code note} added to the first of them as a comment. */
    public static byte[] zipOf(Path folder, String note) {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".java")).sorted().toList()) {
                byte[] content = Files.readAllBytes(file);
                if (files.isEmpty() && !note.isEmpty()) {
                    ByteArrayOutputStream noted = new ByteArrayOutputStream();
                    noted.writeBytes(content);
                    noted.writeBytes(("\n// " + note + "\n").getBytes(StandardCharsets.UTF_8));
                    content = noted.toByteArray();
                }
                files.add(new SourceFile(folder.relativize(file).toString().replace('\\', '/'), content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        return new HandedIn(files).zip();
    }

    /** Sends every upload ({@code senders} at a time) and follows them until graded, for at most {@code within}. */
    public Outcome run(List<Upload> uploads, int senders, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Instant started = Instant.now();
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        Map<String, String> studentOf = new ConcurrentHashMap<>();
        List<Integer> refused = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (Upload upload : uploads) {
                sending.add(pool.submit(() -> {
                    Instant at = Instant.now();
                    HttpResponse<String> answer = submit(upload);
                    if (answer.statusCode() == 201) {
                        String id = JSON.readTree(answer.body()).get("id").asText();
                        sentAt.put(id, at);
                        studentOf.put(id, upload.student());
                    } else {
                        refused.add(answer.statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> send : sending) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("an upload failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<String, JsonNode> finished = new LinkedHashMap<>();
        while (finished.size() < sentAt.size() && System.nanoTime() < deadline) {
            Set<String> waiting = new TreeSet<>();
            studentOf.forEach((id, student) -> {
                if (!finished.containsKey(id)) {
                    waiting.add(student);
                }
            });
            for (String student : waiting) {
                for (JsonNode submission : mine(student)) {
                    String id = submission.get("id").asText();
                    String status = submission.get("status").asText();
                    if (sentAt.containsKey(id) && (status.equals("graded") || status.equals("failed"))) {
                        finished.putIfAbsent(id, submission);
                    }
                }
            }
            if (finished.size() < sentAt.size()) {
                Thread.sleep(POLL.toMillis());
            }
        }
        List<Duration> times = new ArrayList<>();
        Map<String, Integer> scores = new HashMap<>();
        Instant last = started;
        int graded = 0;
        for (Map.Entry<String, JsonNode> entry : finished.entrySet()) {
            JsonNode submission = entry.getValue();
            boolean ok = submission.get("status").asText().equals("graded");
            scores.put(entry.getKey(), ok ? submission.get("score").asInt() : -1);
            Instant at = Instant.parse(submission.get("graded_at").asText());
            last = at.isAfter(last) ? at : last;
            if (ok) {
                graded++;
                times.add(Duration.between(sentAt.get(entry.getKey()), at));
            }
        }
        times.sort(Comparator.naturalOrder());
        return new Outcome(uploads.size(), graded, finished.size() - graded, sentAt.size() - finished.size(),
                List.copyOf(refused), Duration.between(started, last), times, scores);
    }

    private HttpResponse<String> submit(Upload upload) throws IOException, InterruptedException {
        Multipart body = Multipart.of(List.of(new SubmissionDesk.UploadedPart("lab.zip", upload.zip())));
        return http.send(HttpRequest.newBuilder(base.resolve("/api/submissions"))
                .header("Authorization", "Bearer " + tokens.get(upload.student()))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An upload's body as a browser's form sends it: each file in a {@code file} part, after the form's fields. */
    record Multipart(String contentType, byte[] bytes) {
        static Multipart of(List<SubmissionDesk.UploadedPart> parts) {
            return of(Map.of(), parts);
        }

        static Multipart of(Map<String, String> fields, List<SubmissionDesk.UploadedPart> parts) {
            String boundary = "coursekit-" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            for (SubmissionDesk.UploadedPart part : parts) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + part.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(part.content());
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
        }
    }

    private List<JsonNode> mine(String student) throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/me/submissions"))
                    .header("Authorization", "Bearer " + tokens.get(student)).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<JsonNode> submissions = new ArrayList<>();
            JSON.readTree(answer.body()).get("submissions").forEach(submissions::add);
            return submissions;
        } catch (IOException e) {
            // a poll that failed is tried again on the next round
            return List.of();
        }
    }
}
