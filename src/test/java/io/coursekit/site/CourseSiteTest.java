package io.coursekit.site;

import io.coursekit.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's own course, built as `mvn package` builds it: every Markdown file becomes a page in the course tree. */
class CourseSiteTest {
    @TempDir
    static Path site;
    static SiteBuild build;

    @BeforeAll
    static void build() {
        build = new SiteBuilder(CourseSources.of(Fixtures.content()), site, true).build();
    }

    @Test
    void everyMarkdownFileBecomesOnePageAndTheHomeListsTheWeeks() throws IOException {
        List<Path> markdown;
        try (Stream<Path> files = Files.walk(Fixtures.content())) {
            markdown = files.filter(f -> f.toString().endsWith(".md")).toList();
        }
        for (Path file : markdown) {
            String relative = Fixtures.content().relativize(file).toString();
            assertThat(site.resolve(Page.outputPathOf(relative))).as("page for %s", relative).isRegularFile();
        }
        assertThat(build.pages()).as("each file, the home page and 404.html").isEqualTo(markdown.size() + 2);
        Document home = html("index.html");
        assertThat(home.select(".week-card h2").eachText()).hasSize(2).allMatch(t -> t.startsWith("Week"));
        assertThat(home.select(".nav-tree > li > a").eachText()).as("the sidebar's top: the two weeks").hasSize(2);
        assertThat(home.select(".week-card .day-link").eachAttr("href")).contains("week_05/day3/index.html");
    }

    @Test
    void theDayPageShowsItsScheduleTableWithLinksToItsPages() throws IOException {
        Document day = html("week_05/day3/index.html");
        var schedule = day.select("article table").first();
        assertThat(schedule.select("thead th").eachText()).contains("시간");
        assertThat(schedule.select("a").eachAttr("href")).contains("../../week_05/day3/session_3.html", "../../week_05/day3/lab_2.html");
        assertThat(day.select(".sidebar a[aria-current=page]").text()).isEqualTo(day.select("article h1").text());
    }

    @Test
    void sidebarOrdersADaysSessionsLabsAndChallenges() throws IOException {
        Document session = html("week_05/day3/session_3.html");
        List<String> dayPages = session.select(".nav-day.open > ol > li > a").eachAttr("href");
        assertThat(dayPages).containsExactly(
                "../../week_05/day3/session_1.html", "../../week_05/day3/session_2.html", "../../week_05/day3/session_3.html",
                "../../week_05/day3/lab_1.html", "../../week_05/day3/lab_2.html", "../../week_05/day3/lab_3.html",
                "../../week_05/day3/lab_4.html", "../../week_05/day3/challenge_1.html");
        assertThat(session.select(".breadcrumbs li").eachText()).hasSize(4).first().isEqualTo("코스 홈");
        assertThat(session.select(".pager a.prev").attr("href")).isEqualTo("../../week_05/day3/session_2.html");
        assertThat(session.select(".pager a.next").attr("href")).isEqualTo("../../week_05/day3/lab_1.html");
    }

    @Test
    void frontMatterTitleWinsOverTheFirstHeading() throws IOException {
        Document challenge = html("week_05/day3/challenge_1.html");
        assertThat(challenge.title()).startsWith("Challenge 1 — 캐시 계층 설계 리뷰 ·");
    }

    @Test
    void emojiShortcodesBecomeEmojiButCodeAndTimesStayAsWritten() throws IOException {
        Document week = html("week_05/index.html");
        assertThat(week.select("article").text()).contains("🚀").doesNotContain(":rocket:");
        Document day = html("week_05/day3/index.html");
        assertThat(day.select("article table").text()).contains("09:00-09:50");
    }

    @Test
    void referencedImagesAreCopiedAndAssetsAreShippedOffline() throws IOException {
        assertThat(site.resolve("week_05/day3/images/cache-aside.svg")).isRegularFile();
        assertThat(site.resolve("assets/vendor/mermaid/dist/mermaid.min.js")).isRegularFile();
        assertThat(site.resolve("assets/vendor/highlightjs/highlight.min.js")).isRegularFile();
        for (Path page : List.of(site.resolve("index.html"), site.resolve("week_05/day3/session_3.html"))) {
            Document doc = Jsoup.parse(Files.readString(page));
            assertThat(doc.select("script[src], link[href]").eachAttr("src").stream()
                    .filter(s -> !s.isEmpty())).noneMatch(s -> s.startsWith("http"));
            assertThat(doc.select("link[rel=stylesheet]").eachAttr("href")).noneMatch(s -> s.startsWith("http"));
        }
    }

    @Test
    void codeBlocksCarryTheirLanguageForTheHighlighter() throws IOException {
        Document session = html("week_05/day3/session_3.html");
        assertThat(session.select("pre > code.language-java")).isNotEmpty();
    }

    private static Document html(String path) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(path)));
    }
}
