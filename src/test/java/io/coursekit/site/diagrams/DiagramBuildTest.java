package io.coursekit.site.diagrams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.site.CourseSources;
import io.coursekit.site.preview.PreviewServer;
import io.coursekit.site.SiteBuilder;
import io.coursekit.testing.CommandRun;
import io.coursekit.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the build does with Mermaid blocks: pictures at build time, cached; errors at their file and line; no Chromium. */
class DiagramBuildTest {
    private static final String GOOD = """
            # 세션 1

            ```mermaid
            graph LR
                A[캐시 조회] --> B{있나?}
                B -->|예| C[바로 응답]
                style C fill:#e8f5e8
            ```

            ```mermaid
            pie title 캐시 적중
                "적중" : 80
                "미스" : 20
            ```
            """;
    /** Line 8 is the bad one: the fence is on line 5 and Mermaid says line 3. */
    private static final String BROKEN = """
            # 세션 2

            본문

            ```mermaid
            graph TD
                A --> B
                B --> C C -->
            ```

            ```mermaid
            sequenceDiagram
                A->>B: 괜찮은 다이어그램
            ```
            """;

    @TempDir
    Path dir;
    Path content;
    Path day;
    final List<String> notices = new ArrayList<>();

    @BeforeEach
    void course() throws IOException {
        content = dir.resolve("content");
        day = Files.createDirectories(content.resolve("week_01/day1"));
        Files.writeString(content.resolve("course.yaml"), "title: 다이어그램\nlanguage: ko\nweeks:\n  - week_01\n");
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n[세션](./session_1.md)\n");
        Files.writeString(day.resolve("session_1.md"), GOOD);
    }

    private MermaidDiagrams diagrams(Optional<Path> chromium) {
        return new MermaidDiagrams(new DiagramCache(dir.resolve("cache")), chromium, notices::add);
    }

    private MermaidDiagrams withChromium() {
        Fixtures.assumeChromium();
        return diagrams(Optional.of(Path.of("/usr/bin/chromium")));
    }

    private Document build(MermaidDiagrams diagrams, String page) throws IOException {
        new SiteBuilder(CourseSources.of(content), dir.resolve("site"), true, diagrams).build();
        return Jsoup.parse(Files.readString(dir.resolve("site").resolve(page)));
    }

    @Test
    void anUnchangedRebuildDrawsNothingAndAChangedDiagramDrawsOnlyItself() throws IOException {
        MermaidDiagrams diagrams = withChromium();
        Document first = build(diagrams, "week_01/day1/session_1.html");
        assertThat(diagrams.tally()).isEqualTo(new MermaidDiagrams.Tally(2, 0, 0));
        assertThat(first.select("figure.diagram")).hasSize(2);

        Document again = build(diagrams, "week_01/day1/session_1.html");
        assertThat(diagrams.tally()).as("unchanged rebuild").isEqualTo(new MermaidDiagrams.Tally(0, 2, 0));
        assertThat(again.select("figure.diagram").outerHtml()).isEqualTo(first.select("figure.diagram").outerHtml());

        Files.writeString(day.resolve("session_1.md"), GOOD.replace("바로 응답", "캐시에서 응답"));
        Document changed = build(diagrams, "week_01/day1/session_1.html");
        assertThat(diagrams.tally()).as("one diagram changed").isEqualTo(new MermaidDiagrams.Tally(1, 1, 0));
        assertThat(changed.select("figure.diagram").first().text()).contains("캐시에서 응답");

        MermaidDiagrams anotherProcess = diagrams(Optional.of(Path.of("/usr/bin/chromium")));
        build(anotherProcess, "week_01/day1/session_1.html");
        assertThat(anotherProcess.tally()).as("a new build with the same cache").isEqualTo(new MermaidDiagrams.Tally(0, 2, 0));
        assertThat(notices).isEmpty();
    }

    @Test
    void aDiagramMermaidCannotParseFailsTheBuildAtItsLineInTheFile() throws IOException {
        Fixtures.assumeChromium();
        Files.writeString(day.resolve("session_2.md"), BROKEN);
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()[0]).isEqualTo(day.resolve("session_2.md") + ":8: mermaid: Parse error on line 3:");
        assertThat(run.err()).contains("Expecting 'SEMI'").contains("build failed: 1 problem").doesNotContain("\tat ");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void noStrictWarnsAndThePageShowsMermaidsMessageWhereTheDiagramWas() throws IOException {
        Fixtures.assumeChromium();
        Files.writeString(day.resolve("session_2.md"), BROKEN);
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString(), "--no-strict");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: " + day.resolve("session_2.md") + ":8: mermaid: Parse error on line 3:");
        Document page = Jsoup.parse(Files.readString(dir.resolve("site/week_01/day1/session_2.html")));
        var box = page.select(".build-problem[data-block=mermaid]");
        assertThat(box).hasSize(1);
        assertThat(box.text()).startsWith(day.resolve("session_2.md") + ":8: mermaid: Parse error on line 3")
                .contains("Expecting");
        assertThat(page.select("figure.diagram")).as("the good diagram on the same page").hasSize(1);
    }

    @Test
    void serveShowsAMermaidErrorInItsBanner() throws Exception {
        Fixtures.assumeChromium();
        try (PreviewServer server = new PreviewServer(CourseSources.of(content), "127.0.0.1", 0, line -> { })) {
            server.start();
            Files.writeString(day.resolve("session_2.md"), BROKEN);
            String base = "http://127.0.0.1:" + server.port();
            JsonNode status = null;
            for (long end = System.nanoTime() + 60_000_000_000L; System.nanoTime() < end; Thread.sleep(200)) {
                status = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(base + "/__coursekit/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (status.get("problems").size() > 0) {
                    break;
                }
            }
            assertThat(status.get("problems").get(0).asText()).startsWith(day.resolve("session_2.md") + ":8: mermaid: Parse error");
        }
    }

    @Test
    void serveDrawsWithBuildsCacheAndASaveRedrawsOnlyThatPagesChangedDiagram() throws Exception {
        MermaidDiagrams building = withChromium();
        build(building, "week_01/day1/session_1.html");
        assertThat(building.tally().drawn()).isEqualTo(2);

        MermaidDiagrams serving = diagrams(Optional.of(Path.of("/usr/bin/chromium")));
        try (PreviewServer server = new PreviewServer(CourseSources.of(content), "127.0.0.1", 0, true, serving, line -> { })) {
            server.start();
            assertThat(serving.tally()).as("serve's first build, after build filled the cache").isEqualTo(new MermaidDiagrams.Tally(0, 2, 0));
            String page = "http://127.0.0.1:" + server.port() + "/week_01/day1/session_1.html";
            Files.writeString(day.resolve("session_1.md"), GOOD.replace("바로 응답", "캐시에서 응답"));
            Document served = null;
            for (long end = System.nanoTime() + 60_000_000_000L; System.nanoTime() < end; Thread.sleep(100)) {
                served = Jsoup.parse(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (served.select("figure.diagram").text().contains("캐시에서 응답")) {
                    break;
                }
            }
            assertThat(served.select("figure.diagram")).hasSize(2);
            assertThat(served.select("figure.diagram").first().text()).contains("캐시에서 응답");
            assertThat(serving.tally()).as("the saved page alone: its changed diagram drawn, the other from the cache")
                    .isEqualTo(new MermaidDiagrams.Tally(1, 1, 0));
        }
    }

    @Test
    void withoutChromiumThePageKeepsTheSourceForTheReadersBrowserAfterOneNotice() throws IOException {
        Files.writeString(day.resolve("session_2.md"), BROKEN.replace("B --> C C -->", "B --> C"));
        MermaidDiagrams diagrams = diagrams(Optional.empty());
        Document page = build(diagrams, "week_01/day1/session_1.html");
        assertThat(page.select("pre.mermaid")).hasSize(2);
        assertThat(page.select("pre.mermaid").first().text()).startsWith("graph LR").contains("캐시 조회");
        assertThat(page.select("pre.mermaid").first().attr("data-line")).isEqualTo("3");
        assertThat(page.select("figure.diagram")).isEmpty();
        assertThat(diagrams.tally()).isEqualTo(new MermaidDiagrams.Tally(0, 0, 4));
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).startsWith("no Chromium found").contains("4 diagrams are drawn in the reader's browser");

        build(diagrams, "week_01/day1/session_1.html");
        assertThat(notices).as("one notice, not one per build").hasSize(1);
    }

    @Test
    void theSameDiagramTwiceOnAPageGetsIdsOfItsOwn() throws IOException {
        MermaidDiagrams diagrams = withChromium();
        String twice = GOOD + "\n" + GOOD.substring(GOOD.indexOf("```mermaid"));
        Files.writeString(day.resolve("session_1.md"), twice);
        Document page = build(diagrams, "week_01/day1/session_1.html");
        assertThat(page.select("figure.diagram")).hasSize(4);
        assertThat(page.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
        assertThat(diagrams.tally().total()).as("drawn once each").isEqualTo(2);
    }
}
