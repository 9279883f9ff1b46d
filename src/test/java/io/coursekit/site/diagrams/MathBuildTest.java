package io.coursekit.site.diagrams;

import io.coursekit.site.CourseSources;
import io.coursekit.site.SiteBuilder;
import io.coursekit.testing.CommandRun;
import io.coursekit.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the build does with TeX math: KaTeX's HTML and MathML at build time, cached; prices stay text; errors at file:line. */
class MathBuildTest {
    private static final String PAGE = """
            # 세션 1

            에너지는 $E = mc^2$ 입니다. 노드: $0.017/hour × 730시간 = $12.41, 그리고 \\$5 쿠폰, $5와 $10 사이.

            $$
            \\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}
            $$

            ```math
            \\sqrt{x^2 + y^2}
            ```

            `$HOME` 은 코드입니다.
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
        Files.writeString(content.resolve("README.md"), "# 수학\n\n[세션](./week_01/day1/session_1.md)\n");
        Files.writeString(day.resolve("session_1.md"), PAGE);
    }

    private MermaidDiagrams drawing(Optional<Path> chromium) {
        return new MermaidDiagrams(new DiagramCache(dir.resolve("cache")), chromium, notices::add);
    }

    private Document build(MermaidDiagrams drawing) throws IOException {
        new SiteBuilder(CourseSources.of(content), dir.resolve("site"), true, drawing).build();
        return Jsoup.parse(Files.readString(dir.resolve("site/week_01/day1/session_1.html")));
    }

    @Test
    void inlineDisplayAndFencedMathBecomeKatexWithMathmlWhilePricesStayText() throws IOException {
        Fixtures.assumeChromium();
        MermaidDiagrams drawing = drawing(Optional.of(Path.of("/usr/bin/chromium")));
        Document page = build(drawing);
        var inline = page.select("article p > .katex");
        assertThat(inline).hasSize(1);
        assertThat(inline.select("annotation[encoding=application/x-tex]").text()).isEqualTo("E = mc^2");
        assertThat(inline.select("math msup mi").text()).isEqualTo("c");
        var displayed = page.select("article .katex-display");
        assertThat(displayed).hasSize(2);
        assertThat(displayed.get(0).select("math[display=block] mfrac")).hasSize(1);
        assertThat(displayed.get(1).select("annotation").text()).isEqualTo("\\sqrt{x^2 + y^2}");
        String text = page.select("article p").get(0).text();
        assertThat(text).contains("$0.017/hour × 730시간 = $12.41", "$5 쿠폰", "$5와 $10 사이");
        assertThat(page.select("article code").text()).isEqualTo("$HOME");
        assertThat(page.select(".math-tex, .build-problem")).isEmpty();
        assertThat(page.select("script[src*=katex]")).as("no KaTeX script on a page typeset at build time").isEmpty();
        assertThat(page.select("link[href$=katex.min.css]")).hasSize(1);
        assertThat(drawing.formulas().tally()).isEqualTo(new MermaidDiagrams.Tally(3, 0, 0));

        Document again = build(drawing);
        assertThat(drawing.formulas().tally()).as("an unchanged rebuild typesets nothing").isEqualTo(new MermaidDiagrams.Tally(0, 3, 0));
        assertThat(again.select("article").outerHtml()).isEqualTo(page.select("article").outerHtml());
        assertThat(notices).isEmpty();
    }

    @Test
    void aFormulaKatexCannotParseFailsTheBuildAtItsLine() throws IOException {
        Fixtures.assumeChromium();
        Files.writeString(day.resolve("session_2.md"), "# 세션 2\n\n본문\n\n분수 $\\frac{a}{$ 는 닫히지 않았습니다.\n");
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()[0]).startsWith(day.resolve("session_2.md") + ":5: math: KaTeX parse error:");
        assertThat(run.err()).contains("build failed: 1 problem").doesNotContain("\tat ");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void noStrictWarnsAndThePageShowsKatexsMessageWhereTheFormulaWas() throws IOException {
        Fixtures.assumeChromium();
        Files.writeString(day.resolve("session_2.md"), "# 세션 2\n\n분수 $\\frac{a}{$ 와 좋은 식 $x^2$.\n");
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString(), "--no-strict");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: " + day.resolve("session_2.md") + ":3: math: KaTeX parse error");
        assertThat(run.out()).contains("formulas (");
        Document page = Jsoup.parse(Files.readString(dir.resolve("site/week_01/day1/session_2.html")));
        var box = page.select("p > span.build-problem[data-block=math]");
        assertThat(box).hasSize(1);
        assertThat(box.text()).contains("session_2.md:3: math: KaTeX parse error");
        assertThat(page.select("p > .katex annotation").text()).as("the good formula beside it").isEqualTo("x^2");
    }

    @Test
    void withoutChromiumTheTexStaysForTheReadersBrowserAfterOneNoticeForDiagramsAndFormulas() throws IOException {
        Files.writeString(day.resolve("session_2.md"), "# 세션 2\n\n```mermaid\ngraph LR\n  A --> B\n```\n");
        MermaidDiagrams drawing = drawing(Optional.empty());
        Document page = build(drawing);
        var left = page.select(".math-tex");
        assertThat(left).hasSize(3);
        assertThat(left.get(0).text()).isEqualTo("E = mc^2");
        assertThat(left.get(0).attr("data-display")).isEqualTo("false");
        assertThat(left.get(1).attr("data-display")).isEqualTo("true");
        assertThat(page.select(".katex")).isEmpty();
        assertThat(drawing.formulas().tally()).isEqualTo(new MermaidDiagrams.Tally(0, 0, 3));
        assertThat(notices).as("one notice for the diagrams and the formulas").hasSize(1);
    }
}
