package io.coursekit.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.coursekit.batch.ClassGrading;
import io.coursekit.batch.FolderCopy;
import io.coursekit.batch.GradebookFolder;
import io.coursekit.batch.Progress;
import io.coursekit.batch.Roster;
import io.coursekit.lab.Lab;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import io.coursekit.report.StudentGrade;
import io.coursekit.report.Wording;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own hostile submissions ({@code src/test/resources/hostile}), each attacking the grader one way, graded
 * alone and in a batch with a correct classmate after each. Every time: no points are forged, the classmate keeps
 * full marks, no process of the submission outlives the grading, no file of it stays outside the grader's work
 * folder, and the grader's cache is byte for byte what it was.
 */
class HostileSubmissionsTest {
    private static final Path ROOT = SharedRedis.root();
    private static final Path HOSTILE = ROOT.resolve("src/test/resources/hostile");
    private static final Lab LAB = Lab.load(ROOT.resolve("grader/labs/cache-aside"));
    private static final Wording ENGLISH = Wording.of("en");
    private static final String MARKER = "coursekit-hostile";
    /** What runs in or around a sandbox, or judges one: none of it may outlive its grader. */
    private static final List<String> SANDBOXED = List.of("bwrap", "setpriv", "io.coursekit.sandbox.", "io.coursekit.grader.judge.");
    /** What a classmate's source says, so that a report showing it shows a leak. */
    private static final String CLASSMATE_SECRET = "classmate-secret-7f3a";

    @TempDir
    static Path dir;
    private static LabCache cache;

    @BeforeAll
    static void warmTheCache() {
        Assumptions.assumeTrue(Sandbox.detect().isolates(), "hostile submissions are graded only in a sandbox, and this "
                + "machine has none: " + Sandbox.detect().missing().orElse("") + " (CI installs bubblewrap)");
        cache = new LabCache(dir.resolve("cache"));
        try (Grader grader = grader(); Submission reference = Submission.open(LAB.referenceDir())) {
            assertThat(grader.grade(LAB, reference).score()).isEqualTo(105);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachHostileSubmissionGradedAlone() throws IOException {
        return expected().entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(), () -> {
            Path submission = submission(sample.getKey());
            Map<String, String> cacheBefore = hashes(cache.folder());
            List<Path> markersBefore = markers();
            GradeReport report;
            try (Grader grader = grader(); Submission handedIn = Submission.open(submission)) {
                report = grader.grade(LAB, handedIn);
            }
            holdsTo(report, sample.getValue());
            leavesNothingBehind(cacheBefore, markersBefore);
        }));
    }

    @Test
    void aBatchWithACorrectClassmateAfterEachGradesEveryoneAsAlone() throws IOException {
        Map<String, JsonNode> expected = expected();
        Path submissions = Files.createDirectories(dir.resolve("class"));
        int number = 0;
        for (String name : expected.keySet()) {
            String prefix = String.format("h%02d-", ++number);
            FolderCopy.tree(submission(name), submissions.resolve(prefix + name));
            classmate(submissions.resolve(prefix + name + "-z-classmate"));
        }
        Map<String, String> cacheBefore = hashes(cache.folder());
        List<Path> markersBefore = markers();
        Path out = dir.resolve("graded");
        List<StudentGrade> rows;
        try (Roster roster = Roster.read(submissions, Optional.empty(), out)) {
            rows = new ClassGrading(LAB, new RedisLauncher(System.getenv()), new RedisMode.Auto(), cache, Sandbox.detect(),
                    ENGLISH, new GradebookFolder(out)).grade(roster.entries(), 2, Map.of(),
                    new Progress(new PrintStream(OutputStream.nullOutputStream()), false, roster.entries().size()));
        }
        Map<String, Integer> scores = new TreeMap<>();
        rows.forEach(row -> scores.put(row.student(), row.score()));
        Map<String, Integer> wanted = new TreeMap<>();
        number = 0;
        for (Map.Entry<String, JsonNode> sample : expected.entrySet()) {
            String prefix = String.format("h%02d-", ++number);
            wanted.put(prefix + sample.getKey(), sample.getValue().get("score").asInt());
            wanted.put(prefix + sample.getKey() + "-z-classmate", 105);
        }
        StringBuilder wrong = new StringBuilder();
        for (String student : wanted.keySet()) {
            if (!wanted.get(student).equals(scores.get(student))) {
                wrong.append(student).append(": ").append(Files.readString(out.resolve(student).resolve("results.json")))
                        .append('\n');
            }
        }
        assertThat(scores).as(wrong.toString()).isEqualTo(wanted);
        for (String student : wanted.keySet()) {
            JsonNode results = new ObjectMapper().readTree(out.resolve(student).resolve("results.json").toFile());
            assertThat(results.get("score").asInt()).as(student + "'s results.json, after the batch")
                    .isEqualTo(wanted.get(student));
            assertThat(results.toString()).as(student).doesNotContain(CLASSMATE_SECRET);
        }
        leavesNothingBehind(cacheBefore, markersBefore);
    }

    private static Grader grader() {
        return new Grader(cache, SharedRedis.get().access(), Sandbox.detect());
    }

    private static void holdsTo(GradeReport report, JsonNode expected) {
        String described = describe(report);
        assertThat(report.score()).as(described).isEqualTo(expected.get("score").asInt());
        List<String> failing = new ArrayList<>();
        expected.get("failing").forEach(id -> failing.add(id.asText()));
        assertThat(report.failed()).extracting(r -> r.check().id()).as(described).containsExactlyInAnyOrderElementsOf(failing);
        expected.path("reasons").properties().forEach(reason -> assertThat(report.results().stream()
                .filter(r -> r.check().id().equals(reason.getKey())).map(r -> ENGLISH.reason(r.reason())).findFirst().orElseThrow())
                .as(described).startsWith(reason.getValue().asText()));
        if (expected.has("intake")) {
            assertThat(ENGLISH.intake(report)).as(described).contains(expected.get("intake").asText());
        }
        String output = report.results().stream().map(CheckResult::output).collect(Collectors.joining("\n"))
                + ENGLISH.intake(report);
        expected.path("output").path("has").forEach(text -> assertThat(output).as(described).contains(text.asText()));
        expected.path("output").path("lacks").forEach(text -> assertThat(output).as(described).doesNotContain(text.asText()));
        String admin = SharedRedis.get().uri().getUserInfo();
        assertThat(output).as("the grader's Redis password").doesNotContain(admin.substring(admin.indexOf(':') + 1));
        assertThat(output).as("the student user's password").doesNotContain(SharedRedis.get().access().student().password());
        assertThat(output).as("a classmate's source").doesNotContain(CLASSMATE_SECRET);
        assertThat(report.sandbox()).isEqualTo("bubblewrap");
    }

    /** No process of the submission's, no file of it outside the work folder, the cache as it was. */
    private static void leavesNothingBehind(Map<String, String> cacheBefore, List<Path> markersBefore) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        do {
            left = Stream.concat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("Lingerer")),
                            ProcessHandle.current().descendants().filter(p -> SANDBOXED.stream()
                                    .anyMatch(p.info().commandLine().orElse("")::contains)))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
        } while (!left.isEmpty() && System.nanoTime() < deadline && pause());
        assertThat(left).as("processes left after the grading").isEmpty();
        List<Path> markers = markers();
        markers.removeAll(markersBefore);
        assertThat(markers).as("files a submission left outside the grader's work folder").isEmpty();
        assertThat(hashes(cache.folder())).as("the grader's cache").isEqualTo(cacheBefore);
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Files named like the hostile submissions' own, wherever a submission could have written them. */
    private static List<Path> markers() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path place : List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"),
                Path.of(System.getProperty("user.home")), Path.of(System.getProperty("java.io.tmpdir")), ROOT)) {
            if (!Files.isDirectory(place)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(place, 3)) {
                files.filter(f -> f.getFileName() != null && f.getFileName().toString().startsWith(MARKER)).forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                // a folder that vanished while it was walked
            }
        }
        return found;
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
                    in.transferTo(OutputStream.nullOutputStream());
                    hashes.put(root.relativize(file).toString(),
                            HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return hashes;
    }

    /** The reference with its service renamed HonestService and open to extension, and the sample's own files. */
    private static Path submission(String name) throws IOException {
        Path submission = dir.resolve("submissions").resolve(name);
        if (Files.isDirectory(submission)) {
            return submission;
        }
        FolderCopy.tree(LAB.referenceDir(), submission);
        Path service = submission.resolve("lab/cacheaside/CacheAsideProductService.java");
        Files.writeString(service.resolveSibling("HonestService.java"), Files.readString(service)
                .replace("public final class CacheAsideProductService", "public class HonestService")
                .replace("public CacheAsideProductService(", "public HonestService("));
        Files.delete(service);
        FolderCopy.tree(HOSTILE.resolve(name), submission);
        return submission;
    }

    private static void classmate(Path folder) throws IOException {
        FolderCopy.tree(LAB.referenceDir(), folder);
        Path service = folder.resolve("lab/cacheaside/CacheAsideProductService.java");
        Files.writeString(service, "// " + CLASSMATE_SECRET + "\n" + Files.readString(service), StandardCharsets.UTF_8);
    }

    private static Map<String, JsonNode> expected() throws IOException {
        JsonNode all = new ObjectMapper(new YAMLFactory()).readTree(HOSTILE.resolve("expected.yaml").toFile());
        Map<String, JsonNode> samples = new TreeMap<>();
        all.properties().forEach(entry -> {
            if (Files.isDirectory(HOSTILE.resolve(entry.getKey()))) {
                samples.put(entry.getKey(), entry.getValue());
            }
        });
        assertThat(samples).hasSizeGreaterThanOrEqualTo(20);
        return samples;
    }

    private static String describe(GradeReport report) {
        return report.submission() + " " + report.intake() + "\n" + report.results().stream()
                .map(r -> r.check().id() + (r.passed() ? " passed" : " failed: " + ENGLISH.reason(r.reason()))
                        + (r.output().isBlank() ? "" : "\n    output: " + r.output().strip().lines().limit(4)
                        .map(line -> line.length() > 300 ? line.substring(0, 300) + "…" : line)
                        .collect(Collectors.joining("\n    "))))
                .collect(Collectors.joining("\n"));
    }
}
