package io.coursekit.site;

import io.coursekit.testing.CommandRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a docs site has besides its pages: 404.html, sitemap.xml, descriptions and link previews, edit links and dates. */
class SiteFilesTest {
    @TempDir
    Path dir;
    Path content;
    Path site;

    @BeforeEach
    void course() throws IOException {
        content = dir.resolve("content");
        site = dir.resolve("site");
        Path day = Files.createDirectories(content.resolve("week_01/day1"));
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n[세션](./session_1.md)\n");
        Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n" + "캐시는 자주 읽는 데이터를 메모리에 둡니다 🚀 ".repeat(12) + "\n\n## 둘째\n\n본문\n");
        Files.writeString(day.resolve("session_2.md"), "---\ndescription: 직접 쓴 설명\n---\n# 세션 2\n\n본문\n");
    }

    @Test
    void withASiteUrlTheSiteHasASitemapOpenGraphTagsAndEditLinks() throws IOException {
        Files.writeString(content.resolve("course.yaml"), """
                title: 캐시 코스
                site_url: https://courses.example.org/cache
                repo_url: https://github.com/example/cache-course/
                edit_path: edit/main/content
                """);
        build();
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertThat(sitemap).contains("<loc>https://courses.example.org/cache/week_01/day1/session_1.html</loc>",
                "<loc>https://courses.example.org/cache/index.html</loc>").doesNotContain("404.html");
        Document page = html("week_01/day1/session_1.html");
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo("https://courses.example.org/cache/week_01/day1/session_1.html");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("세션 1 · 캐시 코스");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://courses.example.org/cache/week_01/day1/session_1.html");
        String description = page.select("meta[name=description]").attr("content");
        assertThat(description).startsWith("캐시는 자주 읽는 데이터를").endsWith("…");
        assertThat(description.codePointCount(0, description.length())).isLessThanOrEqualTo(161);
        assertThat(description.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).as("no emoji cut in half").isZero();
        assertThat(page.select("meta[property=og:description]").attr("content")).isEqualTo(description);
        assertThat(html("week_01/day1/session_2.html").select("meta[name=description]").attr("content")).isEqualTo("직접 쓴 설명");
        assertThat(page.select("a.edit-page").attr("href"))
                .isEqualTo("https://github.com/example/cache-course/edit/main/content/week_01/day1/session_1.md");
        Document notFound = html("404.html");
        assertThat(notFound.select("base").attr("href")).isEqualTo("https://courses.example.org/cache/");
        assertThat(notFound.select("h1").text()).isEqualTo("페이지를 찾을 수 없습니다");
        assertThat(notFound.select("#search-input")).hasSize(1);
        assertThat(page.select("link[rel=icon]").attr("href")).isEqualTo("../../assets/favicon.svg");
        assertThat(site.resolve("assets/favicon.svg")).isRegularFile();
    }

    @Test
    void withoutSettingsThereIsA404PageButNoSitemapAndNoEditLink() throws IOException {
        build();
        assertThat(site.resolve("404.html")).isRegularFile();
        assertThat(site.resolve("sitemap.xml")).doesNotExist();
        Document page = html("week_01/day1/session_1.html");
        assertThat(page.select("a.edit-page")).isEmpty();
        assertThat(page.select("meta[property=og:url]")).isEmpty();
        assertThat(page.select(".updated time").attr("datetime")).as("the file's own date outside git").matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void inAGitRepositoryAPageIsDatedByItsLastCommit() throws IOException, InterruptedException {
        Assumptions.assumeTrue(git("init", "-q"), "skipped: git is not installed");
        git("add", ".");
        git("-c", "user.name=Lecturer", "-c", "user.email=lecturer@example.org", "commit", "-q", "-m", "lectures");
        build();
        assertThat(html("week_01/day1/session_1.html").select(".updated time").attr("datetime")).isEqualTo("2024-03-05");
    }

    @Test
    void aCoursesOwnFaviconReplacesTheDefault() throws IOException {
        Files.createDirectories(content.resolve("images"));
        Files.writeString(content.resolve("images/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.writeString(content.resolve("course.yaml"), "favicon: images/logo.svg\n");
        build();
        assertThat(html("index.html").select("link[rel=icon]").attr("href")).isEqualTo("assets/favicon.svg");
        assertThat(site.resolve("assets/favicon.svg")).hasContent("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    private boolean git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", content.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("GIT_AUTHOR_DATE", "2024-03-05T10:00:00+09:00", "GIT_COMMITTER_DATE", "2024-03-05T10:00:00+09:00"));
        try {
            Process p = builder.start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void build() {
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", site.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private Document html(String path) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(path)));
    }
}
