package io.coursekit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.lab.Check;
import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;
import io.coursekit.grader.Intake;
import io.coursekit.grader.Reason;
import io.coursekit.grader.SourceNote;
import io.coursekit.lab.Hint;
import io.coursekit.lab.Lab;
import io.coursekit.lab.Limits;
import io.coursekit.lab.StudentContract;
import io.coursekit.grader.Timings;
import io.coursekit.lab.Visibility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFolderTest {
    private static final Check MISS = new Check("miss-loads-from-database", 15, false, Visibility.VISIBLE,
            Duration.ofSeconds(10), new Hint("미스 때 Redis에 저장했나요?", "Store the product in Redis on a miss."));
    private static final Check TTL = new Check("ttl-in-range", 10, false, Visibility.HIDDEN,
            Duration.ofSeconds(10), new Hint("TTL을 5~30분으로", "Give the key a TTL of 5 to 30 minutes."));
    private static final Check STAMPEDE = new Check("stampede-protection", 5, true, Visibility.AFTER_DUE_DATE,
            Duration.ofSeconds(10), new Hint("동시 미스", "Concurrent misses."));
    private static final Lab LAB = new Lab(Path.of("grader/labs/cache-aside"), "cache-aside", "Lab 2 — Cache-Aside",
            "lab.cacheaside", new StudentContract("lab.cacheaside.CacheAsideProductService",
            "CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis)",
            Duration.ofMillis(500), false),
            new Limits(Duration.ofSeconds(120), 512, 64, Duration.ofSeconds(30)), List.of(MISS, TTL, STAMPEDE));
    private static final GradeReport REPORT = new GradeReport(LAB, "alice", List.of(
            CheckResult.passed(MISS, "", Duration.ofMillis(420)),
            CheckResult.failed(TTL, new Reason.Said("TTL of product:42 was -1 <no expiry>"),
                    "all tests passed\u0000 <script>alert(1)</script>", Duration.ofMillis(120)),
            CheckResult.passed(STAMPEDE, "", Duration.ofMillis(230))),
            Intake.compiled(List.of(new SourceNote("src/lab/cacheaside/Product.java", SourceNote.Kind.API_COPY,
                    "lab.cacheaside.Product"))), "bubblewrap",
            new Timings(Duration.ofMillis(1200), Duration.ofMillis(800), Duration.ofMillis(2100), Duration.ofMillis(3456)));

    @TempDir
    Path dir;

    @Test
    void resultsJsonFollowsGradescope() throws Exception {
        ReportFolder.write(REPORT, Wording.of("en"), dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("score").asInt()).isEqualTo(20);
        assertThat(json.get("execution_time").asDouble()).isEqualTo(3.46);
        assertThat(json.get("output").asText()).contains("ignored");
        JsonNode tests = json.get("tests");
        assertThat(tests).hasSize(3);
        assertThat(tests.get(0).get("name").asText()).isEqualTo("miss-loads-from-database");
        assertThat(tests.get(0).get("status").asText()).isEqualTo("passed");
        assertThat(tests.get(0).get("max_score").asInt()).isEqualTo(15);
        JsonNode ttl = tests.get(1);
        assertThat(ttl.get("score").asInt()).isZero();
        assertThat(ttl.get("status").asText()).isEqualTo("failed");
        assertThat(ttl.get("visibility").asText()).isEqualTo("hidden");
        assertThat(ttl.get("output").asText()).contains("TTL of product:42 was -1", "Give the key a TTL of 5 to 30 minutes.",
                "all tests passed");
        assertThat(tests.get(2).get("max_score").asInt()).as("extra credit adds on top").isZero();
        assertThat(tests.get(2).get("score").asInt()).isEqualTo(5);
        assertThat(tests.get(2).get("visibility").asText()).isEqualTo("after_due_date");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary files are left").containsExactlyInAnyOrder("results.json", "report.html", "junit.xml");
        }
    }

    @Test
    void junitXmlIsSurefireShapedAndSurvivesControlCharacters() throws Exception {
        ReportFolder.write(REPORT, Wording.of("en"), dir);
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        org.w3c.dom.Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        org.w3c.dom.Element failed = (org.w3c.dom.Element) cases.item(1);
        assertThat(failed.getAttribute("name")).isEqualTo("ttl-in-range");
        org.w3c.dom.Element failure = (org.w3c.dom.Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("TTL of product:42 was -1 <no expiry>");
        assertThat(((org.w3c.dom.Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void htmlShowsHintsInKoreanAndEscapesStudentOutput() throws Exception {
        ReportFolder.write(REPORT, Wording.of("ko"), dir);
        Document html = Jsoup.parse(dir.resolve("report.html").toFile());
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("ko");
        assertThat(html.select("script")).as("student output is text, never markup").isEmpty();
        assertThat(html.selectFirst(".score").text()).startsWith("20 / 25");
        Element ttl = html.getElementById("ttl-in-range");
        assertThat(ttl.hasClass("failed")).isTrue();
        assertThat(ttl.text()).contains("실패", "0 / 10", "TTL을 5~30분으로", "TTL of product:42 was -1 <no expiry>",
                "Gradescope에서 학생에게 비공개");
        assertThat(ttl.selectFirst("pre").text()).contains("<script>alert(1)</script>");
        Element miss = html.getElementById("miss-loads-from-database");
        assertThat(miss.text()).contains("통과", "15 / 15", "0.42 s").doesNotContain("미스 때 Redis에 저장했나요?");
        assertThat(html.getElementById("stampede-protection").text()).contains("추가 점수");
        assertThat(html.selectFirst("footer").text()).contains("컴파일 1.20 s", "JVM 시작 0.80 s", "체크 실행 2.10 s");
    }

    @Test
    void theTerminalSummaryReadsInBothLanguages() {
        String english = TerminalSummary.text(REPORT, Wording.of("en"), "reports/alice");
        assertThat(english).contains("✗ ttl-in-range", "Why: TTL of product:42 was -1", "Hint: Give the key a TTL",
                "Score: 20 / 25  (2 of 3 checks passed)", "Reports in reports/alice");
        String korean = TerminalSummary.text(REPORT, Wording.of("ko"), "reports/alice");
        assertThat(korean).contains("힌트: TTL을 5~30분으로", "점수: 20 / 25  (체크 3개 중 2개 통과)", "컴파일 1.20 s");
    }

    @Test
    void theGradersOwnReasonsReadInKoreanAndTheLabsOwnStayAsWritten() throws IOException {
        GradeReport hostile = new GradeReport(REPORT.lab(), "mallory", List.of(
                CheckResult.failed(MISS, new Reason.TimedOut(10), "", Duration.ofSeconds(10)),
                CheckResult.failed(TTL, new Reason.StudentJvmEnded(3), "", Duration.ZERO),
                CheckResult.failed(STAMPEDE, new Reason.Said("TTL of product:42 was -1"), "", Duration.ZERO)),
                Intake.compiled(List.of()), "bubblewrap", REPORT.timings());
        String korean = TerminalSummary.text(hostile, Wording.of("ko"), "reports/mallory");
        assertThat(korean).contains("실패 이유: 10초 안에 끝나지 않아 멈췄습니다",
                "실패 이유: 이 검사 도중 제출물의 JVM이 종료 코드 3(으)로 끝났습니다", "실패 이유: TTL of product:42 was -1");
        assertThat(new String(HtmlReport.html(hostile, Wording.of("ko")), StandardCharsets.UTF_8)).contains("10초 안에 끝나지 않아");
        assertThat(TerminalSummary.text(hostile, Wording.of("en"), "reports/mallory")).contains("Why: timed out after 10 s");
    }

    @Test
    void aCheckThatNeverRanGivesItsReasonButNoHintAboutTheCode() throws IOException {
        GradeReport notCompiled = new GradeReport(REPORT.lab(), "bob", List.of(
                CheckResult.notRun(MISS, new Reason.DoesNotCompile()),
                CheckResult.notRun(TTL, new Reason.DoesNotCompile())),
                Intake.didNotCompile(List.of(), new Reason.DoesNotCompile(), "Foo.java:3: error: ';' expected"),
                "bubblewrap", REPORT.timings());
        String summary = TerminalSummary.text(notCompiled, Wording.of("en"), "reports/bob");
        assertThat(summary).contains("Why: not run: the submission does not compile").doesNotContain("Hint:");
        assertThat(new String(HtmlReport.html(notCompiled, Wording.of("en")), StandardCharsets.UTF_8))
                .contains("not run: the submission does not compile").doesNotContain("Give the key a TTL");
    }
}
