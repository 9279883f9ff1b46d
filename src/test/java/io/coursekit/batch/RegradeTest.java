package io.coursekit.batch;

import io.coursekit.cli.CourseKit;
import io.coursekit.report.ClassReport;
import io.coursekit.report.StudentGrade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RegradeTest {

    @Test
    void aRerunKeepsGradesAndRegradeReplacesThemShowingTheChange(@TempDir Path temp) throws IOException {
        assumeTrue(Files.isDirectory(ClassFolder.CACHE_ASIDE_LAB.resolve("samples/no-ttl")), "no cache-aside samples");
        ClassFolder submissions = new ClassFolder(ClassFolder.CACHE_ASIDE_LAB, Files.createDirectory(temp.resolve("class")))
                .folder("alice", "samples/no-ttl");
        Path out = temp.resolve("graded");
        String[] batch = {"batch", "--lab", ClassFolder.CACHE_ASIDE_LAB.toString(), "--out", out.toString(), "--jobs", "1",
                "--lang", "en", submissions.dir().toString()};
        assertThat(CourseKit.run(batch)).isZero();
        assertThat(score(out)).isEqualTo(90);

        // alice hands in a fixed version: a plain rerun keeps her grade, --regrade replaces it
        FolderCopy.tree(ClassFolder.CACHE_ASIDE_LAB.resolve("reference"), temp.resolve("fixed"));
        try (Stream<Path> old = Files.walk(submissions.dir().resolve("alice"))) {
            old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.move(temp.resolve("fixed"), submissions.dir().resolve("alice"));
        assertThat(CourseKit.run(batch)).isZero();
        assertThat(score(out)).isEqualTo(90);

        String[] regrade = Stream.concat(Stream.of(batch).limit(batch.length - 1), Stream.of("--regrade", batch[batch.length - 1]))
                .toArray(String[]::new);
        assertThat(CourseKit.run(regrade)).isZero();

        StudentGrade alice = ClassReport.read(out).get(0);
        assertThat(alice.score()).isEqualTo(105);
        assertThat(alice.previousScore()).isEqualTo(90);
        assertThat(Files.readString(out.resolve(ClassReport.SUMMARY_HTML))).contains("90 → 105");
        try (Stream<Path> history = Files.list(out.resolve(GradebookFolder.HISTORY))) {
            assertThat(history.toList()).singleElement().satisfies(kept ->
                    assertThat(Files.readString(kept)).contains("\"score\":90"));
        }
    }

    private static int score(Path out) {
        return ClassReport.read(out).get(0).score();
    }
}
