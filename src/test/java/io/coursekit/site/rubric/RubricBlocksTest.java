package io.coursekit.site.rubric;

import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;
import io.coursekit.testing.CommandRun;
import io.coursekit.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A lab page's ```rubric block is the grader's own lab.yaml, so the page and the grader cannot disagree. */
class RubricBlocksTest {
    @TempDir
    Path dir;

    @Test
    void theLab2PageShowsEveryCheckOfLabYamlWithItsPointsAndKoreanHint() throws IOException {
        Lab lab = Lab.load(Fixtures.repository().resolve("grader/labs/cache-aside"));
        CommandRun run = CommandRun.of("build", "--content", Fixtures.content().toString(), "--out", dir.resolve("site").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Element rubric = page("site/week_05/day3/lab_2.html").selectFirst(".rubric[data-lab=cache-aside]");
        assertThat(rubric).isNotNull();
        Element grading = rubric.select("table").get(0);
        assertThat(grading.select("tbody tr").eachAttr("data-check")).containsExactlyElementsOf(lab.checks().stream().map(Check::id).toList());
        for (Check check : lab.checks()) {
            Element row = grading.selectFirst("tr[data-check=" + check.id() + "]");
            assertThat(row.select("td").get(1).text()).isEqualTo(check.extraCredit() ? "추가 점수 +" + check.points() + "점" : check.points() + "점");
            assertThat(row.select("td").get(4).text()).isEqualTo(check.hint().ko());
        }
        assertThat(grading.select("tfoot td.points").text()).isEqualTo("100점, 추가 점수 +5점");
        assertThat(rubric.select("table").get(1).select("tbody tr").eachAttr("data-check"))
                .containsExactlyElementsOf(lab.endpoint().orElseThrow().checks().stream().map(Check::id).toList());
    }

    @Test
    void changingLabYamlChangesThePageInTheCoursesLanguage() throws IOException {
        Path labs = Files.createDirectories(dir.resolve("labs/tiny"));
        Files.writeString(labs.resolve("lab.yaml"), """
                id: tiny
                title: Tiny lab
                package: lab.tiny
                student: {class: lab.tiny.TinyService, constructor: "TinyService()"}
                limits: {time_seconds: 60, memory_mb: 256, output_kib: 64}
                checks:
                  - {id: first, points: 7, visibility: visible, timeout_seconds: 4, hint: {ko: 첫 힌트, en: First hint}}
                  - {id: secret, points: 3, visibility: hidden, timeout_seconds: 5, hint: {ko: 비밀, en: The secret answer}}
                  - {id: bonus, points: 2, extra_credit: true, visibility: after_due_date, timeout_seconds: 6, hint: {ko: 보너스, en: Bonus hint}}
                """);
        Path content = course("en", "# Lab\n\n```rubric\nlab: tiny\n```\n");
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--labs-dir", dir.resolve("labs").toString(),
                "--out", dir.resolve("site").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Element table = page("site/week_01/day1/lab_1.html").selectFirst(".rubric table");
        assertThat(table.select("thead th").eachText()).containsExactly("Check", "Points", "Result shown", "Time limit", "Hint when it fails");
        assertThat(rows(table)).containsExactly(
                List.of("first", "7", "right away", "4 s", "First hint"),
                List.of("secret", "3", "never", "5 s", "(hidden check)"),
                List.of("bonus", "+2 extra credit", "after the due date", "6 s", "Bonus hint"));
        assertThat(table.select("tfoot td.points").text()).isEqualTo("10, +2 extra credit");
        assertThat(table.outerHtml()).doesNotContain("The secret answer");
    }

    @Test
    void anUnknownLabFailsTheBuildAtTheBlocksLine() throws IOException {
        Files.createDirectories(dir.resolve("labs"));
        Path content = course("ko", "# 랩\n\n설명\n\n```rubric\nlab: no-such-lab\n```\n");
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--labs-dir", dir.resolve("labs").toString(),
                "--out", dir.resolve("site").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()[0]).startsWith(content.resolve("week_01/day1/lab_1.md") + ":6: rubric block: unknown lab 'no-such-lab'");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    private Path course(String language, String lab) throws IOException {
        Path content = dir.resolve("content");
        Path day = Files.createDirectories(content.resolve("week_01/day1"));
        Files.writeString(content.resolve("course.yaml"), "title: Course\nlanguage: " + language + "\nweeks:\n  - week_01\n");
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n[Lab](./lab_1.md)\n");
        Files.writeString(day.resolve("lab_1.md"), lab);
        return content;
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(dir.resolve(path).toFile());
    }

    private static List<List<String>> rows(Element table) {
        return table.select("tbody tr").stream().map(row -> row.select("td").eachText()).toList();
    }
}
