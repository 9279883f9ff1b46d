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
import io.coursekit.report.Wording;
import io.coursekit.testing.CommandRun;
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
import java.nio.file.NoSuchFileException;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own hostile submissions ({@code src/test/resources/hostile}), each attacking the grader one way, graded
 * in one batch with a correct classmate after each, by warm graders that have judged others before, and some of them
 * alone with {@code grade}: each report says
 * what expected.yaml says, no points are forged, every classmate keeps full marks, no process of the submission outlives the grading, no file of it stays outside the grader's work
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
    /**
     * Graded alone too, by a grader of their own that ends with them, as {@code grade} does: the attacks on the grader's
     * process, its reports, its cache and the machine. Every sample is graded in the batch.
     */
    private static final List<String> ALONE = List.of("forge-channel", "kill-grader", "detached-writer", "cache-poison",
            "native-memory", "compile-bomb");
    private static final JsonNode FULL_MARKS = new ObjectMapper().createObjectNode().put("score", 105);

    @TempDir
    static Path dir;
    private static LabCache cache;

    @BeforeAll
    static void warmTheCache() {
        Assumptions.assumeTrue(Sandbox.detect().isolates(), "hostile submissions are graded only in a sandbox, and this "
                + "machine has none: " + Sandbox.detect().missing().orElse("") + " (CI installs bubblewrap)");
        cache = LabCache.forThisUser();
        try (Grader grader = grader(); Submission reference = Submission.open(LAB.referenceDir())) {
            assertThat(grader.grade(LAB, reference).score()).isEqualTo(105);
        }
    }

    @TestFactory
    Stream<DynamicTest> attacksOnWhatAGradingLeavesBehindGradedAloneAsGradeDoes() throws IOException {
        Map<String, JsonNode> expected = expected();
        return ALONE.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Map<String, String> cacheBefore = hashes(cache.folder());
            List<Path> markersBefore = markers();
            Path out = dir.resolve("alone").resolve(name);
            CommandRun run = CommandRun.of("grade", "--lab", LAB.dir().toString(), "--lang", "en", "--out", out.toString(),
                    submission(name).toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
            assertThat(misses(results, expected.get(name))).as(results.toPrettyString()).isEmpty();
            leavesNothingBehind(cacheBefore, markersBefore);
        }));
    }

    @Test
    void aBatchWithACorrectClassmateAfterEachGradesEveryoneAsExpected() throws IOException {
        Map<String, JsonNode> expected = expected();
        Path submissions = Files.createDirectories(dir.resolve("class"));
        Map<String, JsonNode> wanted = new TreeMap<>();
        int number = 0;
        for (Map.Entry<String, JsonNode> sample : expected.entrySet()) {
            String student = String.format("h%02d-", ++number) + sample.getKey();
            FolderCopy.tree(submission(sample.getKey()), submissions.resolve(student));
            classmate(submissions.resolve(student + "-z-classmate"));
            wanted.put(student, sample.getValue());
            wanted.put(student + "-z-classmate", FULL_MARKS);
        }
        Map<String, String> cacheBefore = hashes(cache.folder());
        List<Path> markersBefore = markers();
        Path out = dir.resolve("graded");
        try (Roster roster = Roster.read(submissions, Optional.empty(), out)) {
            new ClassGrading(LAB, new RedisLauncher(System.getenv()), new RedisMode.Auto(), cache, Sandbox.detect(),
                    ENGLISH, new GradebookFolder(out)).grade(roster.entries(), 2, Map.of(),
                    new Progress(new PrintStream(OutputStream.nullOutputStream()), false, roster.entries().size()));
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> student : wanted.entrySet()) {
            JsonNode results = new ObjectMapper().readTree(out.resolve(student.getKey()).resolve("results.json").toFile());
            List<String> misses = misses(results, student.getValue());
            if (!misses.isEmpty()) {
                wrong.add(student.getKey() + ": " + String.join("; ", misses) + "\n" + results.toPrettyString());
            }
        }
        assertThat(wrong).as("submissions graded other than expected.yaml says").isEmpty();
        leavesNothingBehind(cacheBefore, markersBefore);
    }

    private static Grader grader() {
        return new Grader(cache, SharedRedis.get().access(), Sandbox.detect());
    }

    /** How the results.json a student reads differs from what expected.yaml says: nothing, when the grading is right. */
    private static List<String> misses(JsonNode results, JsonNode expected) {
        List<String> misses = new ArrayList<>();
        if (results.get("score").asInt() != expected.get("score").asInt()) {
            misses.add("score " + results.get("score").asInt() + ", not " + expected.get("score").asInt());
        }
        Set<String> failing = new TreeSet<>();
        expected.path("failing").forEach(id -> failing.add(id.asText()));
        Map<String, String> feedback = new TreeMap<>();
        Set<String> failed = new TreeSet<>();
        results.get("tests").forEach(test -> {
            feedback.put(test.get("name").asText(), test.get("output").asText());
            if (test.get("status").asText().equals("failed")) {
                failed.add(test.get("name").asText());
            }
        });
        if (!failed.equals(failing)) {
            misses.add("failed " + failed + ", not " + failing);
        }
        expected.path("reasons").properties().forEach(reason -> {
            if (!feedback.getOrDefault(reason.getKey(), "").startsWith("Why: " + reason.getValue().asText())) {
                misses.add(reason.getKey() + "'s reason is not '" + reason.getValue().asText() + "'");
            }
        });
        String intake = results.get("output").asText();
        if (expected.has("intake") && !intake.contains(expected.get("intake").asText())) {
            misses.add("the intake does not say '" + expected.get("intake").asText() + "'");
        }
        String output = String.join("\n", feedback.values()) + intake;
        expected.path("output").path("has").forEach(text -> {
            if (!output.contains(text.asText())) {
                misses.add("the report lacks '" + text.asText() + "'");
            }
        });
        expected.path("output").path("lacks").forEach(text -> {
            if (output.contains(text.asText())) {
                misses.add("the report shows '" + text.asText() + "'");
            }
        });
        String admin = SharedRedis.get().uri().getUserInfo();
        Map<String, String> secrets = Map.of("the grader's Redis password", admin.substring(admin.indexOf(':') + 1),
                "the student user's password", SharedRedis.get().access().student().password(),
                "a classmate's source", CLASSMATE_SECRET);
        secrets.forEach((what, secret) -> {
            if (results.toString().contains(secret)) {
                misses.add("the report shows " + what);
            }
        });
        if (!results.path("extra_data").path("sandbox").asText().equals("bubblewrap")) {
            misses.add("graded in " + results.path("extra_data").path("sandbox").asText() + ", not bubblewrap");
        }
        return misses;
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
        Map<String, String> cacheAfter = hashes(cache.folder());
        // the cache is the user's, where other gradings may add versions of their own: what was there must be as it
        // was, and nothing may appear inside a folder that was but the class archives the grader writes as its
        // trained JVMs end
        Map<String, String> kept = new TreeMap<>(cacheAfter);
        kept.keySet().retainAll(cacheBefore.keySet());
        assertThat(kept).as("the grader's cache").isEqualTo(cacheBefore);
        Set<String> folders = cacheBefore.keySet().stream().filter(file -> file.contains("/"))
                .map(file -> file.substring(0, file.indexOf('/'))).collect(Collectors.toSet());
        assertThat(cacheAfter.keySet()).as("files added to the grader's cache")
                .allMatch(file -> cacheBefore.containsKey(file) || !file.contains("/") || file.matches(".*\\.jsa(\\.sha256)?")
                        || !folders.contains(file.substring(0, file.indexOf('/'))));
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
        for (int attempt = 1; ; attempt++) {
            try {
                return hashesOnce(root);
            } catch (UncheckedIOException e) {
                // a folder of another grading's vanished under the walk
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static Map<String, String> hashesOnce(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            // a folder being built is another grading's, moved into place or deleted when it is done
            for (Path file : files.filter(f -> Files.isRegularFile(f) && !root.relativize(f).toString().contains("-building-"))
                    .toList()) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
                    in.transferTo(OutputStream.nullOutputStream());
                    hashes.put(root.relativize(file).toString(),
                            HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
                } catch (NoSuchFileException e) {
                    // gone while it was walked: another grading's temporary file
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
}
