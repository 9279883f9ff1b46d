package io.coursekit.site;

import io.coursekit.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The instructor's real lecture must render as written: headings with GitHub's ids, tables, diagrams, centered blocks. */
class SeedSessionTest {
    @TempDir
    static Path work;
    static Document session;

    @BeforeAll
    static void buildSeed() throws IOException {
        Path course = Fixtures.seedCourse(work.resolve("course"));
        new SiteBuilder(CourseSources.of(course), work.resolve("site"), true).build();
        session = Jsoup.parse(Files.readString(work.resolve("site/week_05/day3/session_3.html")));
    }

    @Test
    void headingsGetTheIdsGitHubGives() {
        assertThat(session.select("article h1").first().id()).isEqualTo("week-5-day-3-session-3-elasticache-redis");
        assertThat(idOf("h2", "학습 목표")).isEqualTo("-학습-목표");
        assertThat(idOf("h2", "Session 정보")).isEqualTo("-session-정보");
        assertThat(idOf("h3", "1. 생성 배경 (Why?)")).isEqualTo("1-생성-배경-why");
        assertThat(idOf("h4", "ElastiCache for Valkey - 최신 엔진")).isEqualTo("elasticache-for-valkey---최신-엔진");
        assertThat(idOf("h4", "RDS/Aurora와 ElastiCache 통합")).isEqualTo("rdsaurora와-elasticache-통합");
        assertThat(idOf("h3", "6. 비용 구조 💰")).isEqualTo("6-비용-구조-");
        assertThat(idOf("h4", "장점")).isEqualTo("장점");
    }

    @Test
    void headingIdsAreUniqueAndListedInTheTableOfContents() {
        List<String> ids = session.select("article :is(h1,h2,h3,h4,h5,h6)").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
        List<String> toc = session.select("aside.toc a").eachAttr("href");
        assertThat(toc).contains("#-학습-목표", "#6-비용-구조-", "#-핵심-키워드");
        toc.forEach(href -> assertThat(ids).contains(href.substring(1)));
    }

    @Test
    void tablesKeepEveryRowAndBoldCell() {
        assertThat(session.select("article table")).hasSize(3);
        Element memcached = session.select("article table").first();
        assertThat(memcached.select("thead th").eachText()).containsExactly("기준", "Redis", "Memcached");
        assertThat(memcached.select("tbody tr")).hasSize(7);
        assertThat(memcached.select("tbody td strong").first().text()).isEqualTo("데이터 구조");
    }

    @Test
    void everyMermaidBlockBecomesALightAndADarkPictureKeepingItsText() {
        Fixtures.assumeChromium();
        var figures = session.select("article figure.diagram");
        assertThat(figures).hasSize(8);
        for (Element figure : figures) {
            assertThat(figure.select("> .diagram-light > svg[role]")).hasSize(1);
            assertThat(figure.select("> .diagram-dark > svg[role]")).hasSize(1);
        }
        assertThat(figures.first().select(".diagram-light > svg").attr("aria-roledescription")).isEqualTo("architecture");
        assertThat(figures.eachText()).anySatisfy(t -> assertThat(t).contains("캐시저장", "TTL 연장"));
        assertThat(figures.eachText()).anySatisfy(t -> assertThat(t).contains("Cache Hit", "캐시된 데이터 반환"));
        assertThat(session.select("pre.mermaid, article pre > code.language-mermaid")).isEmpty();
        assertThat(session.select("script[src*=mermaid]")).as("no Mermaid JavaScript on a page drawn at build time").isEmpty();
        List<String> ids = session.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void centeredHtmlBlocksPassThroughWithMarkdownInside() {
        var centered = session.select("article div[align=center]");
        assertThat(centered).hasSize(2);
        assertThat(centered.first().select("strong").eachText()).contains("⚡ 인메모리 캐싱");
        assertThat(centered.first().select("em").text()).isEqualTo("ElastiCache Redis로 응답 속도 100배 향상");
    }

    @Test
    void codeFencesWithoutALanguageStayPreformatted() {
        assertThat(session.select("article pre > code").eachText()).anySatisfy(t -> assertThat(t).contains("cache.m5.large (6.38GB)"));
    }

    private static String idOf(String tag, String text) {
        return session.select("article " + tag).stream()
                .filter(h -> h.text().contains(text)).findFirst().orElseThrow(() -> new AssertionError("no " + tag + " " + text))
                .id();
    }
}
