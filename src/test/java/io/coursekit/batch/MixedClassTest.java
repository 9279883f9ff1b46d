package io.coursekit.batch;

import io.coursekit.cli.CourseKit;
import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;
import io.coursekit.report.ClassReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A class mixing the reference with wrong, non-compiling, looping and exiting samples of the cache-aside lab, as
 * folders and zips named the way LMS downloads name them, and a malicious zip: every row must be exactly right.
 */
class MixedClassTest {

    @Test
    void theGradebookHasTheScoresOfExpectedYamlAndTheMaliciousZipARowOfZeros(@TempDir Path temp) throws IOException {
        assumeTrue(Files.isRegularFile(ClassFolder.CACHE_ASIDE_LAB.resolve("samples/expected.yaml")),
                "the cache-aside lab pack has no samples/expected.yaml");
        ClassFolder submissions = new ClassFolder(ClassFolder.CACHE_ASIDE_LAB, Files.createDirectory(temp.resolve("class")))
                .folder("kimminsu_1001_5001_lab2", "reference")
                .zip("Lee Ji-eun_77_assignsubmission_file_", "samples/no-ttl")
                .folder("forgets-to-cache", "samples/forgets-to-cache")
                .zip("compile-error", "samples/compile-error")
                .folder("hostile-infinite-loop", "samples/hostile-infinite-loop")
                .zip("hostile-exit-in-update", "samples/hostile-exit-in-update")
                .maliciousZip("evil");
        Path out = temp.resolve("graded");

        int exit = CourseKit.run("batch", "--lab", ClassFolder.CACHE_ASIDE_LAB.toString(), "--out", out.toString(),
                "--jobs", "2", "--lang", "en", submissions.dir().toString());

        assertThat(exit).isZero();
        Lab lab = Lab.load(ClassFolder.CACHE_ASIDE_LAB);
        Map<String, String> studentOf = Map.of("kimminsu_1001_5001_lab2", "kimminsu",
                "Lee Ji-eun_77_assignsubmission_file_", "Lee Ji-eun");
        List<String> expected = new ArrayList<>();
        submissions.sources().forEach((name, source) -> expected.add(row(studentOf.getOrDefault(name, name), lab,
                submissions.score(source, lab.checks().stream().mapToInt(Check::points).sum()),
                submissions.failing(source), "")));
        expected.add(row("evil", lab, 0, lab.checks().stream().map(Check::id).toList(),
                "evil.zip: zip refused: entry '../../escaped/Evil.java' points outside the submission folder ('..')"));
        List<String> lines = Files.readAllLines(out.resolve(ClassReport.GRADEBOOK_CSV), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("student,score,max,"
                + String.join(",", lab.checks().stream().map(Check::id).toList()) + ",problem");
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrderElementsOf(expected);

        assertThat(Files.readAllLines(out.resolve(ClassReport.RESULTS_JSONL))).hasSize(7);
        for (String student : List.of("kimminsu", "Lee Ji-eun", "compile-error", "evil")) {
            assertThat(out.resolve(student).resolve("results.json")).as(student).isRegularFile();
        }
        String summary = Files.readString(out.resolve(ClassReport.SUMMARY_HTML));
        assertThat(summary).contains("<svg", "Did not compile", "href=\"compile-error/report.html\"", "zip refused");
        assertThat(temp.resolve("escaped")).doesNotExist();
    }

    private static String row(String student, Lab lab, int score, List<String> failing, String problem) {
        StringBuilder row = new StringBuilder(student).append(',').append(score).append(',').append(lab.maxScore());
        for (Check check : lab.checks()) {
            row.append(',').append(failing.contains(check.id()) ? 0 : check.points());
        }
        return row.append(',').append(problem.contains(",") ? "\"" + problem + "\"" : problem).toString();
    }
}
