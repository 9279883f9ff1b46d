package io.coursekit.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;
import io.coursekit.report.ClassReport;
import io.coursekit.testing.CommandRun;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lab pack in grader/labs passes {@code lab check}, which grades its reference and samples as {@code batch}
 * does; the class gradebook it leaves is held here to {@code samples/expected.yaml} once more, row by row, and the
 * pack's first sample is graded alone by {@code grade} to exactly its expected score and failing checks.
 */
class LabPacksTest {
    private static final Path LABS = SharedRedis.root().resolve("grader/labs");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    @TestFactory
    Stream<DynamicTest> everyPackPassesLabCheckAndGradesItsSamplesAsExpected() throws IOException {
        List<Path> packs;
        try (Stream<Path> dirs = Files.list(LABS)) {
            packs = dirs.filter(d -> Files.isRegularFile(d.resolve("lab.yaml"))).sorted().toList();
        }
        assertThat(packs).as("lab packs in " + LABS).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path pack : packs) {
            String id = pack.getFileName().toString();
            tests.add(DynamicTest.dynamicTest("lab check " + id, () -> labCheck(pack, out.resolve("check-" + id))));
            tests.add(DynamicTest.dynamicTest("grade " + id + ", its first sample", () -> gradeFirstSample(pack,
                    out.resolve("grade-" + id))));
        }
        return tests.stream();
    }

    private static void labCheck(Path pack, Path reports) throws IOException {
        CommandRun run = CommandRun.of("lab", "check", "--out", reports.toString(), pack.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(pack + ": no problems");
        Lab lab = Lab.load(pack);
        JsonNode expected = YAML.readTree(lab.samplesDir().resolve("expected.yaml").toFile());
        List<String> rows = new ArrayList<>();
        rows.add(row("reference", lab, List.of()));
        expected.properties().forEach(sample -> rows.add(row(sample.getKey(), lab, failing(sample.getValue()))));
        List<String> lines = Files.readAllLines(reports.resolve(ClassReport.GRADEBOOK_CSV), StandardCharsets.UTF_8);
        assertThat(lines.subList(1, lines.size())).as("the gradebook lab check's batch wrote")
                .containsExactlyInAnyOrderElementsOf(rows);
    }

    private static void gradeFirstSample(Path pack, Path reports) throws IOException {
        Map.Entry<String, JsonNode> first = YAML.readTree(pack.resolve("samples/expected.yaml").toFile()).properties()
                .iterator().next();

        CommandRun run = CommandRun.of("grade", "--lab", pack.toString(), "--out", reports.toString(), "--lang", "en",
                pack.resolve("samples").resolve(first.getKey()).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = JSON.readTree(reports.resolve("results.json").toFile());
        List<String> failed = new ArrayList<>();
        results.get("tests").forEach(test -> {
            if (test.get("status").asText().equals("failed")) {
                failed.add(test.get("name").asText());
            }
        });
        assertThat(failed).as(results.toPrettyString()).containsExactlyInAnyOrderElementsOf(failing(first.getValue()));
        assertThat(results.get("score").asInt()).isEqualTo(first.getValue().get("score").asInt());
    }

    private static List<String> failing(JsonNode sample) {
        List<String> failing = new ArrayList<>();
        sample.get("failing").forEach(id -> failing.add(id.asText()));
        return failing;
    }

    /** A gradebook row: student, score, max, points per check, and no problem. */
    private static String row(String student, Lab lab, List<String> failing) {
        StringBuilder row = new StringBuilder(student);
        int score = lab.checks().stream().filter(c -> !failing.contains(c.id())).mapToInt(Check::points).sum();
        row.append(',').append(score).append(',').append(lab.maxScore());
        for (Check check : lab.checks()) {
            row.append(',').append(failing.contains(check.id()) ? 0 : check.points());
        }
        return row.append(',').toString();
    }
}
