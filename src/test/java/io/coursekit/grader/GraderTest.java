package io.coursekit.grader;

import io.coursekit.lab.Lab;

import io.coursekit.batch.FolderCopy;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GraderTest {
    private static final Path TINY = SharedRedis.root().resolve("src/test/resources/labs/tiny");

    @TempDir
    Path dir;

    @Test
    void whenTheSubmissionsTimeRunsOutTheRunningCheckStopsAndTheRestAreNotRun() throws IOException {
        Path pack = dir.resolve("tiny");
        FolderCopy.tree(TINY, pack);
        Path yaml = pack.resolve("lab.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("time_seconds: 60", "time_seconds: 8")
                .replace("timeout_seconds: 3", "timeout_seconds: 30"));
        Path loops = Files.createDirectories(dir.resolve("loops/lab/tiny"));
        Files.writeString(loops.resolve("RedisShelf.java"), Files.readString(TINY.resolve("reference/lab/tiny/RedisShelf.java"))
                .replace("return \"tiny\";", "while (true) {\n            Thread.onSpinWait();\n        }"));
        Lab lab = Lab.load(pack);
        GradeReport report;
        try (Grader grader = new Grader(new SubmissionCompiler(dir.resolve("cache")), SharedRedis.get().uri());
             Submission submission = Submission.open(dir.resolve("loops"))) {
            report = grader.grade(lab, submission);
        }
        assertThat(report.results()).extracting(r -> r.check().id() + ": " + r.reason()).containsExactly(
                "put-then-count: ", "starts-empty: ", "survives-cut: ",
                "motto: stopped: the submission's time limit of 8 s ran out during this check",
                "fast-count: not run: the submission used up its time limit of 8 s");
        assertThat(report.score()).isEqualTo(20);
        assertThat(report.timings().total().toMillis()).isBetween(8_000L, 12_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "new Thread(() -> { while (true) { Thread.onSpinWait(); } }, \"spinner\").start();",
            "System.setProperty(\"user.name\", \"mallory\");",
            "java.util.Locale.setDefault(java.util.Locale.KOREA);",
            "try { java.io.File.createTempFile(\"notes\", \".txt\"); } catch (java.io.IOException e) { }"})
    void aCheckJvmGradesTheNextSubmissionOnlyWhenTheLastOneLeftNothingBehind(String leftover) throws IOException {
        Path leaves = Files.createDirectories(dir.resolve("leaves/lab/tiny"));
        Files.writeString(leaves.resolve("RedisShelf.java"), Files.readString(TINY.resolve("reference/lab/tiny/RedisShelf.java"))
                .replace("return \"tiny\";", leftover + "\n        return \"tiny\";"));
        Lab lab = Lab.load(TINY);
        try (Grader grader = new Grader(new SubmissionCompiler(dir.resolve("cache")), SharedRedis.get().uri())) {
            GradeReport first = grade(grader, lab, TINY.resolve("reference"));
            GradeReport warm = grade(grader, lab, TINY.resolve("reference"));
            GradeReport leaving = grade(grader, lab, leaves.getParent().getParent());
            GradeReport after = grade(grader, lab, TINY.resolve("reference"));

            assertThat(first.timings().jvmStart()).as("a new JVM").isPositive();
            assertThat(warm.timings().jvmStart()).as("the JVM the reference left clean").isZero();
            assertThat(leaving.timings().jvmStart()).as("the same JVM again").isZero();
            assertThat(after.timings().jvmStart()).as("a new JVM, since the last submission left: " + leftover).isPositive();
            assertThat(List.of(first, warm, leaving, after)).allSatisfy(report -> assertThat(report.failed()).isEmpty());
        }
    }

    private static GradeReport grade(Grader grader, Lab lab, Path dir) {
        try (Submission submission = Submission.open(dir)) {
            return grader.grade(lab, submission);
        }
    }
}
