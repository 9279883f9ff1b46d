package io.coursekit.batch;

import io.coursekit.cli.CourseKit;
import io.coursekit.grader.Check;
import io.coursekit.grader.Lab;
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
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A class mixing good, wrong, non-compiling, looping and exiting submissions, folders and zips, and a malicious zip. */
class MixedClassTest {

    @Test
    void tinyLabClassGetsExactlyTheExpectedGradebook(@TempDir Path temp) throws IOException {
        ClassFolder submissions = new ClassFolder(ClassFolder.TINY_LAB, Files.createDirectory(temp.resolve("class")))
                .folder("kimminsu_1001_5001_shelf", "reference")
                .zip("Lee Ji-eun_77_assignsubmission_file_", "samples/fakes-results")
                .zip("no-compile", "samples/no-compile")
                .folder("loops-in-motto", "samples/loops-in-motto")
                .zip("exits-in-motto", "samples/exits-in-motto")
                .maliciousZip("evil");
        Path out = temp.resolve("graded");

        int exit = CourseKit.run("batch", "--lab", ClassFolder.TINY_LAB.toString(), "--out", out.toString(), "--jobs", "2",
                "--lang", "en", submissions.dir().toString());

        assertThat(exit).isZero();
        Lab lab = Lab.load(ClassFolder.TINY_LAB);
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> studentOf = Map.of("kimminsu_1001_5001_shelf", "kimminsu",
                "Lee Ji-eun_77_assignsubmission_file_", "Lee Ji-eun");
        submissions.sources().forEach((name, source) -> expected.put(studentOf.getOrDefault(name, name),
                row(studentOf.getOrDefault(name, name), lab, submissions.score(source, allPoints(lab)),
                        submissions.failing(source), "")));
        expected.put("evil", row("evil", lab, 0, lab.checks().stream().map(Check::id).toList(),
                "evil.zip: zip refused: entry '../../escaped/Evil.java' points outside the submission folder ('..')"));
        List<String> lines = Files.readAllLines(out.resolve(ClassReport.GRADEBOOK_CSV), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("student,score,max,put-then-count,starts-empty,survives-cut,motto,fast-count,problem");
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrderElementsOf(expected.values());
        assertThat(Files.readAllLines(out.resolve(ClassReport.RESULTS_JSONL))).hasSize(6);
        for (String student : expected.keySet()) {
            assertThat(out.resolve(student).resolve("results.json")).as(student).isRegularFile();
        }
        String summary = Files.readString(out.resolve(ClassReport.SUMMARY_HTML));
        assertThat(summary).contains("<svg", "Did not compile", "href=\"no-compile/report.html\"", "zip refused");
        assertThat(temp.resolve("escaped")).doesNotExist();
    }

    @Test
    void cacheAsideClassGetsTheScoresOfExpectedYaml(@TempDir Path temp) throws IOException {
        Path samples = ClassFolder.CACHE_ASIDE_LAB.resolve("samples");
        assumeTrue(Files.isRegularFile(samples.resolve("expected.yaml")),
                "the cache-aside lab pack has no samples/expected.yaml yet");
        ClassFolder submissions = new ClassFolder(ClassFolder.CACHE_ASIDE_LAB, Files.createDirectory(temp.resolve("class")));
        submissions.folder("reference", "reference");
        List<String> names = new ArrayList<>();
        submissions.expected().fieldNames().forEachRemaining(names::add);
        for (String sample : names) {
            if (sample.contains("loop") || sample.contains("exit") || sample.contains("compile") || !sample.startsWith("hostile")) {
                if (names.indexOf(sample) % 2 == 0) {
                    submissions.zip(sample, "samples/" + sample);
                } else {
                    submissions.folder(sample, "samples/" + sample);
                }
            }
        }
        submissions.maliciousZip("evil");
        Path out = temp.resolve("graded");

        int exit = CourseKit.run("batch", "--lab", ClassFolder.CACHE_ASIDE_LAB.toString(), "--out", out.toString(),
                "--jobs", "2", submissions.dir().toString());

        assertThat(exit).isZero();
        Lab lab = Lab.load(ClassFolder.CACHE_ASIDE_LAB);
        List<String> lines = Files.readAllLines(out.resolve(ClassReport.GRADEBOOK_CSV), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        submissions.sources().forEach((name, source) -> expected.add(
                row(name, lab, submissions.score(source, allPoints(lab)), submissions.failing(source), "")));
        expected.add(row("evil", lab, 0, lab.checks().stream().map(Check::id).toList(),
                "evil.zip: zip refused: entry '../../escaped/Evil.java' points outside the submission folder ('..')"));
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static int allPoints(Lab lab) {
        return lab.checks().stream().mapToInt(Check::points).sum();
    }

    private static String row(String student, Lab lab, int score, List<String> failing, String problem) {
        StringBuilder row = new StringBuilder(student.contains(",") ? "\"" + student + "\"" : student)
                .append(',').append(score).append(',').append(lab.maxScore());
        for (Check check : lab.checks()) {
            row.append(',').append(failing.contains(check.id()) ? 0 : check.points());
        }
        return row.append(',').append(problem.contains(",") ? "\"" + problem + "\"" : problem).toString();
    }
}
