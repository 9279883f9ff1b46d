package io.coursekit.grader;

import io.coursekit.lab.Lab;
import io.coursekit.lab.Check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.coursekit.report.Wording;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades a lab pack's reference and samples with a real Redis and holds each to {@code samples/expected.yaml}: the
 * exact score and exactly the failing checks. Here the tiny pack of the tests, whose samples cover a failing static
 * initializer, running out of memory and a submission shipping extras; the cache-aside pack's are graded three times
 * under load by {@link FairUnderLoadTest}.
 */
class LabPackGradingTest {
    private static final Grader GRADER = new Grader(
            LabCache.forThisUser(), SharedRedis.get().access(),
            Sandbox.detect());
    private static final Wording ENGLISH = Wording.of("en");

    @AfterAll
    static void endCheckJvm() {
        GRADER.close();
    }

    @TestFactory
    Stream<DynamicTest> tinyPack() throws IOException {
        return gradings(Lab.load(SharedRedis.root().resolve("src/test/resources/labs/tiny")), GRADER).stream();
    }

    /** Every test of {@code lab}'s reference and samples, graded by {@code grader}. */
    static List<DynamicTest> gradings(Lab lab, Grader grader) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(lab.id() + ": reference passes every check", () -> {
            GradeReport report = grade(grader, lab, lab.referenceDir());
            assertThat(report.failed()).as(describe(report)).isEmpty();
            assertThat(report.score()).isEqualTo(lab.checks().stream().mapToInt(Check::points).sum());
        }));
        JsonNode expected = new ObjectMapper(new YAMLFactory()).readTree(lab.samplesDir().resolve("expected.yaml").toFile());
        for (Map.Entry<String, JsonNode> sample : expected.properties()) {
            tests.add(DynamicTest.dynamicTest(lab.id() + ": " + sample.getKey(), () -> {
                GradeReport report = grade(grader, lab, lab.samplesDir().resolve(sample.getKey()));
                List<String> failing = new ArrayList<>();
                sample.getValue().get("failing").forEach(id -> failing.add(id.asText()));
                assertThat(report.failed().stream().map(r -> r.check().id()).toList())
                        .as(describe(report)).containsExactlyInAnyOrderElementsOf(failing);
                assertThat(report.score()).as(describe(report)).isEqualTo(sample.getValue().get("score").asInt());
                JsonNode reasons = sample.getValue().path("reasons");
                reasons.properties().forEach(reason -> assertThat(report.results().stream()
                        .filter(r -> r.check().id().equals(reason.getKey())).findFirst()
                        .map(r -> ENGLISH.reason(r.reason())).orElseThrow())
                        .as(describe(report)).startsWith(reason.getValue().asText()));
            }));
        }
        return tests;
    }

    private static GradeReport grade(Grader grader, Lab lab, Path dir) {
        try (Submission submission = Submission.open(dir)) {
            return grader.grade(lab, submission);
        }
    }

    private static String describe(GradeReport report) {
        return report.submission() + " " + report.timings() + " sandbox " + report.sandbox() + "\n" + report.intake()
                + "\n" + report.results().stream()
                .map(r -> r.check().id() + (r.passed() ? " passed" : " failed: " + ENGLISH.reason(r.reason())) + " "
                        + r.notes() + (r.output().isBlank() ? "" : "\n    output: " + r.output().strip().lines()
                        .limit(5).collect(Collectors.joining("\n    "))))
                .collect(Collectors.joining("\n"));
    }
}
