package io.coursekit.site.diagrams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.site.CourseSources;
import io.coursekit.site.SiteBuilder;
import io.coursekit.testing.CourseBrowser;
import io.coursekit.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Math as the reader sees it in Chromium: typeset with KaTeX's fonts, in the page's ink in light and dark mode. */
class MathBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = """
            # 수식

            에너지는 $E = mc^2$ 이고 합은 다음과 같습니다.

            $$
            \\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}
            $$

            ```math
            \\int_0^1 x^2 \\, dx = \\frac{1}{3}
            ```
            """;
    /** How the page draws its formulas: sizes, ink, the page behind, KaTeX's fonts. */
    private static final String LOOK = """
            const inline = document.querySelector('article p > .katex');
            const shown = [...document.querySelectorAll('article .katex-display')];
            const mathml = document.querySelector('.katex-mathml');
            return JSON.stringify({
              inlineWidth: inline.getBoundingClientRect().width,
              heights: shown.map(d => d.getBoundingClientRect().height),
              lineHeight: parseFloat(getComputedStyle(document.querySelector('article p')).lineHeight),
              ink: getComputedStyle(inline).color,
              text: getComputedStyle(document.querySelector('article p')).color,
              page: getComputedStyle(document.body).backgroundColor,
              mathmlHidden: getComputedStyle(mathml).position === 'absolute' && mathml.getBoundingClientRect().width <= 1,
              fonts: [...document.fonts].filter(f => f.family.startsWith('KaTeX') && f.status === 'loaded').map(f => f.family)
            });
            """;

    @TempDir
    static Path work;
    static Path typeset;
    static Path fallback;
    static CourseBrowser browser;

    @BeforeAll
    static void build() throws IOException {
        Fixtures.assumeChromium();
        Path content = Files.createDirectories(work.resolve("content"));
        Files.writeString(content.resolve("README.md"), PAGE);
        DiagramCache cache = new DiagramCache(work.resolve("cache"));
        typeset = work.resolve("site/index.html");
        new SiteBuilder(CourseSources.of(content), work.resolve("site"), true,
                new MermaidDiagrams(cache, Optional.of(Path.of("/usr/bin/chromium")), line -> { })).build();
        fallback = work.resolve("fallback/index.html");
        new SiteBuilder(CourseSources.of(content), work.resolve("fallback"), true,
                new MermaidDiagrams(new DiagramCache(work.resolve("empty-cache")), Optional.empty(), line -> { })).build();
        browser = CourseBrowser.open();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void scriptsOn() {
        browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    private JsonNode openIn(Path page, String theme) throws IOException {
        browser.open(page);
        browser.script("localStorage.setItem('coursekit-theme', arguments[0])", theme);
        browser.open(page);
        browser.await(Duration.ofSeconds(30)).until(d -> "ready".equals(browser.script(
                "return document.fonts.status === 'loaded' ? document.documentElement.dataset.math : ''")));
        assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo(theme);
        return JSON.readTree((String) browser.script(LOOK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void formulasTypesetAtBuildTimeShowInKatexFontsInThePagesInk(String theme) throws IOException {
        JsonNode look = openIn(typeset, theme);
        assertLaidOut(look);
        assertThat(look.get("ink").asText()).as("formulas take the text's colour").isEqualTo(look.get("text").asText());
        assertThat(contrast(rgb(look.get("ink").asText()), rgb(look.get("page").asText()))).isGreaterThan(7);
        assertThat(browser.script("return typeof window.katex")).as("no KaTeX script on the page").isEqualTo("undefined");
        WebElement sum = browser.driver().findElements(By.cssSelector("article .katex-display")).get(0);
        assertThat(inkPixels(sum, rgb(look.get("page").asText()))).as("the sum is painted").isGreaterThan(200);
    }

    @Test
    void formulasTypesetAtBuildTimeNeedNoJavaScript() {
        browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        browser.open(typeset);
        WebElement inline = browser.driver().findElement(By.cssSelector("article p > .katex .katex-html"));
        assertThat(inline.isDisplayed()).isTrue();
        assertThat(inline.getSize().getWidth()).isBetween(40, 200);
        for (WebElement shown : browser.driver().findElements(By.cssSelector("article .katex-display"))) {
            assertThat(shown.getSize().getHeight()).isGreaterThan(35);
        }
    }

    @Test
    void onAPhoneAWideFormulaScrollsInsideItsBoxInsteadOfTheWholePage() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(typeset);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void withoutChromiumAtBuildTimeTheReadersBrowserTypesetsTheSameFormulas(String theme) throws IOException {
        JsonNode look = openIn(fallback, theme);
        assertLaidOut(look);
        assertThat(look.get("ink").asText()).isEqualTo(look.get("text").asText());
        assertThat(browser.script("return typeof window.katex")).as("KaTeX loaded for this page").isEqualTo("object");
        assertThat(browser.driver().findElements(By.cssSelector(".katex .katex-error"))).isEmpty();
    }

    private static void assertLaidOut(JsonNode look) {
        assertThat(look.get("inlineWidth").asDouble()).as("E = mc² in the text").isBetween(40.0, 200.0);
        assertThat(look.get("heights")).hasSize(2);
        for (JsonNode height : look.get("heights")) {
            assertThat(height.asDouble()).as("a displayed fraction is taller than a line").isGreaterThan(1.4 * look.get("lineHeight").asDouble());
        }
        assertThat(look.get("mathmlHidden").asBoolean()).as("MathML kept for screen readers, not shown twice").isTrue();
        assertThat(JSON.convertValue(look.get("fonts"), String[].class)).as("KaTeX's own fonts").contains("KaTeX_Main", "KaTeX_Math");
    }

    /** Pixels of the element's screenshot that differ clearly from the page behind it. */
    private static int inkPixels(WebElement element, int[] page) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(element.getScreenshotAs(OutputType.BYTES)));
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int p = image.getRGB(x, y);
                int[] rgb = {(p >> 16) & 255, (p >> 8) & 255, p & 255};
                if (Math.abs(rgb[0] - page[0]) + Math.abs(rgb[1] - page[1]) + Math.abs(rgb[2] - page[2]) > 200) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int[] rgb(String css) {
        String[] parts = css.replaceAll("[^0-9,.]", "").split(",");
        return new int[]{(int) Double.parseDouble(parts[0]), (int) Double.parseDouble(parts[1]), (int) Double.parseDouble(parts[2])};
    }

    private static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
