package io.coursekit.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassReportTest {
    private static final String TITLE = "Lab 2 — Cache-Aside with Redis";

    private static StudentGrade grade(String student, String lmsUserId, boolean hit, boolean ttl, boolean compiled,
                                      String problem, Integer previous, double seconds) {
        List<StudentGrade.CheckScore> checks = List.of(
                new StudentGrade.CheckScore("hit-skips-database", 60, false, hit, hit ? 60 : 0),
                new StudentGrade.CheckScore("ttl-in-range", 40, false, ttl, ttl ? 40 : 0),
                new StudentGrade.CheckScore("stampede", 5, true, false, 0));
        return new StudentGrade(student, student + ".zip", lmsUserId, "cache-aside", TITLE,
                checks.stream().mapToInt(StudentGrade.CheckScore::score).sum(), 100, checks, compiled, seconds, problem,
                previous);
    }

    private static final List<StudentGrade> CLASS = List.of(
            grade("kimminsu", "1001", true, true, true, "", 60, 3.5),
            grade("=cmd|calc", "", true, false, true, "", 60, 12.25),
            grade("parkjisoo", "1003", false, false, false, "", null, 0.4),
            grade("evil", "", false, false, false, "evil.zip: zip refused: entry '../x', outside", null, 0));

    @Test
    void gradebookHasAColumnPerCheckAndDefusesFormulas(@TempDir Path dir) throws IOException {
        ClassReport.write(CLASS, Gradebook.Format.DEFAULT, Wording.of("en"), dir);

        assertThat(Files.readString(dir.resolve(ClassReport.GRADEBOOK_CSV))).isEqualTo("""
                student,score,max,hit-skips-database,ttl-in-range,stampede,problem\r
                '=cmd|calc,60,100,60,0,0,\r
                evil,0,100,0,0,0,"evil.zip: zip refused: entry '../x', outside"\r
                kimminsu,100,100,60,40,0,\r
                parkjisoo,0,100,0,0,0,\r
                """);
    }

    @Test
    void canvasFormatFillsTheIdFromTheCanvasUserIdAndNamesTheAssignmentColumnAfterTheLab(@TempDir Path dir)
            throws IOException {
        ClassReport.write(CLASS, Gradebook.Format.CANVAS, Wording.of("en"), dir);

        List<String> lines = Files.readAllLines(dir.resolve(ClassReport.GRADEBOOK_CSV));
        assertThat(lines.get(0)).isEqualTo("Student,ID,SIS User ID,SIS Login ID,Section," + TITLE);
        assertThat(lines.get(1)).isEqualTo("    Points Possible,,,,,100");
        assertThat(lines).contains("kimminsu,1001,,,,100", "parkjisoo,1003,,,,0", "evil,,,,,0");
    }

    @Test
    void resultsJsonlReadsBackTheSameRows(@TempDir Path dir) {
        ClassReport.write(CLASS, Gradebook.Format.DEFAULT, Wording.of("ko"), dir);

        assertThat(ClassReport.read(dir)).containsExactlyInAnyOrderElementsOf(CLASS);
    }

    @Test
    void summaryDrawsTheChartsAndTheScoreChangesOfARegrade(@TempDir Path dir) throws IOException {
        ClassReport.write(CLASS, Gradebook.Format.DEFAULT, Wording.of("en"), dir);

        Document page = Jsoup.parse(dir.resolve(ClassReport.SUMMARY_HTML).toFile());
        assertThat(page.select("svg")).hasSize(4);
        assertThat(page.select("h2").eachText()).contains("Scores", "Pass rate of each check", "Slowest submissions",
                "Did not compile", "Not graded", "Score changes since the last grading");
        assertThat(page.select("svg").get(1).text()).contains("hit-skips-database", "67% (2/3)", "33% (1/3)");
        assertThat(page.select("svg").get(2).select("text").first().text()).isEqualTo("=cmd|calc");
        assertThat(page.select("svg").get(3).text()).contains("60 → 100").doesNotContain("60 → 60");
        assertThat(page.text()).contains("1 students kept their score.");
        assertThat(page.select("a[href=parkjisoo/report.html]")).hasSize(2);
        assertThat(page.select("script, link, img")).isEmpty();
    }

    @Test
    void summaryIsKoreanWhenAskedFor(@TempDir Path dir) throws IOException {
        ClassReport.write(CLASS, Gradebook.Format.DEFAULT, Wording.of("ko"), dir);

        Document page = Jsoup.parse(dir.resolve(ClassReport.SUMMARY_HTML).toFile());
        assertThat(page.select("html").attr("lang")).isEqualTo("ko");
        assertThat(page.select("h2").eachText()).contains("점수 분포", "검사 항목별 통과율");
    }
}
