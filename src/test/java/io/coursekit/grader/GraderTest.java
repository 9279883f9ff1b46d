package io.coursekit.grader;

import io.coursekit.lab.Lab;

import io.coursekit.batch.FolderCopy;
import io.coursekit.report.Wording;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        Files.writeString(yaml, Files.readString(yaml).replace("time_seconds: 60", "time_seconds: 15")
                .replaceFirst("timeout_seconds: 5", "timeout_seconds: 60"));
        Path loops = Files.createDirectories(dir.resolve("loops/lab/tiny"));
        Files.writeString(loops.resolve("RedisShelf.java"), Files.readString(TINY.resolve("reference/lab/tiny/RedisShelf.java"))
                .replace("redis.set(\"shelf:\" + item, String.valueOf(count));", "while (true) {\n            Thread.onSpinWait();\n        }"));
        Lab lab = Lab.load(pack);
        GradeReport report;
        try (Grader grader = new Grader(LabCache.forThisUser(), SharedRedis.get().access(), Sandbox.detect());
             Submission submission = Submission.open(dir.resolve("loops"))) {
            report = grader.grade(lab, submission);
        }
        Wording english = Wording.of("en");
        assertThat(report.results()).extracting(r -> r.check().id() + ": " + (r.passed() ? "" : english.reason(r.reason())))
                .containsExactly(
                        "put-then-count: stopped: the submission's time limit of 15 s ran out during this check",
                        "starts-empty: not run: the submission used up its time limit of 15 s",
                        "survives-cut: not run: the submission used up its time limit of 15 s",
                        "motto: not run: the submission used up its time limit of 15 s",
                        "fast-count: not run: the submission used up its time limit of 15 s");
        assertThat(report.score()).isZero();
        assertThat(report.results().get(1).ran()).isFalse();
        assertThat(report.timings().total().toMillis()).isBetween(15_000L, 25_000L);
    }

    private static GradeReport grade(Grader grader, Lab lab, Path dir) {
        try (Submission submission = Submission.open(dir)) {
            return grader.grade(lab, submission);
        }
    }
}
