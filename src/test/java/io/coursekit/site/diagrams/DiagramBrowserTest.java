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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Diagrams drawn at build time, as a reader's headless Chromium shows them: dark mode, zoom, no JavaScript, print. */
class DiagramBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double BAR = 4.5;
    /** Each text of the visible pictures: its box in the page, its colour; the text is then made transparent. */
    private static final String TEXTS = """
            const figure = document.querySelectorAll('figure.diagram')[arguments[0]];
            figure.scrollIntoView({block: 'start'});
            const svg = Array.from(figure.querySelectorAll('svg[role]')).find(s => s.getClientRects().length);
            const texts = [];
            const walk = el => {
              for (const child of el.childNodes) {
                if (child.nodeType === 3 && child.nodeValue.trim()) {
                  if (!texts.includes(el)) { texts.push(el); }
                } else if (child.nodeType === 1 && !['style', 'title', 'desc', 'defs', 'marker'].includes(child.localName)) {
                  walk(child);
                }
              }
            };
            walk(svg);
            const f = figure.getBoundingClientRect();
            const out = texts.map(el => {
              const r = el.getBoundingClientRect();
              const svgText = el instanceof SVGElement;
              const colour = getComputedStyle(el)[svgText ? 'fill' : 'color'];
              el.style.setProperty(svgText ? 'fill' : 'color', 'transparent', 'important');
              return {text: el.textContent.trim(), x: r.left - f.left, y: r.top - f.top, w: r.width, h: r.height, colour};
            }).filter(t => t.w > 2 && t.h > 2);
            return JSON.stringify({texts: out, clip: {x: f.left + scrollX, y: f.top + scrollY, width: f.width, height: f.height, scale: 1}});
            """;

    @TempDir
    static Path work;
    static Path seedPage;
    static CourseBrowser browser;

    @BeforeAll
    static void buildSeed() throws IOException {
        Fixtures.assumeChromium();
        Path site = work.resolve("site");
        new SiteBuilder(CourseSources.of(Fixtures.seedCourse(work.resolve("seed"))), site, true).build();
        seedPage = site.resolve("week_05/day3/session_3.html");
        browser = CourseBrowser.open();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void desktop() {
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    private void openIn(String theme) {
        browser.open(seedPage);
        browser.script("localStorage.setItem('coursekit-theme', arguments[0])", theme);
        browser.open(seedPage);
        assertThat(browser.awaitDiagrams()).isEqualTo("ready");
        assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo(theme);
    }

    @Test
    void everyTextOfTheSeedsDiagramsReachesTheContrastBarInDarkMode() throws IOException {
        openIn("dark");
        assertContrast("dark", 90);
    }

    @Test
    void everyTextOfTheSeedsDiagramsReachesTheContrastBarInLightMode() throws IOException {
        openIn("light");
        assertContrast("light", 90);
    }

    /**
     * Measured as the reader sees it: each text is made transparent, the diagram is captured, and the text's
     * colour is compared with the pixels that were behind it (the median over its box).
     */
    private void assertContrast(String theme, int atLeast) throws IOException {
        int figures = browser.driver().findElements(By.cssSelector("figure.diagram")).size();
        assertThat(figures).isEqualTo(8);
        double lowest = Double.MAX_VALUE;
        String lowestText = "";
        int measured = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < figures; i++) {
            JsonNode found = JSON.readTree((String) browser.script(TEXTS, i));
            @SuppressWarnings("unchecked")
            Map<String, Object> clip = JSON.convertValue(found.get("clip"), Map.class);
            Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "clip", clip, "captureBeyondViewport", true));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) shot.get("data"))));
            for (JsonNode text : found.get("texts")) {
                int[] ink = rgb(text.get("colour").asText());
                int[] behind = medianBehind(image, text);
                double contrast = contrast(ink, behind);
                measured++;
                if (contrast < lowest) {
                    lowest = contrast;
                    lowestText = text.get("text").asText();
                }
                if (contrast < BAR) {
                    failures.add(String.format("diagram %d '%s': %.2f (%s on %s)", i, text.get("text").asText(), contrast,
                            Arrays.toString(ink), Arrays.toString(behind)));
                }
            }
        }
        System.out.printf("diagram text contrast in %s mode: lowest %.2f:1 ('%s') over %d texts of 8 diagrams%n",
                theme, lowest, lowestText, measured);
        assertThat(failures).as("texts under %.1f:1 in %s mode", BAR, theme).isEmpty();
        assertThat(measured).isGreaterThanOrEqualTo(atLeast);
    }

    private static int[] medianBehind(BufferedImage image, JsonNode text) {
        List<int[]> samples = new ArrayList<>();
        double x = text.get("x").asDouble(), y = text.get("y").asDouble(), w = text.get("w").asDouble(), h = text.get("h").asDouble();
        for (int i = 1; i <= 5; i++) {
            for (int j = 1; j <= 3; j++) {
                int px = (int) Math.min(image.getWidth() - 1, Math.max(0, x + w * i / 6));
                int py = (int) Math.min(image.getHeight() - 1, Math.max(0, y + h * j / 4));
                int argb = image.getRGB(px, py);
                samples.add(new int[]{(argb >> 16) & 255, (argb >> 8) & 255, argb & 255});
            }
        }
        samples.sort((a, b) -> Double.compare(luminance(a), luminance(b)));
        return samples.get(samples.size() / 2);
    }

    private static int[] rgb(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        return new int[]{(int) Double.parseDouble(parts[0]), (int) Double.parseDouble(parts[1]), (int) Double.parseDouble(parts[2])};
    }

    private static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double contrast(int[] a, int[] b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void aDiagramZoomsAndPansAndClosesWithAMouse() {
        openIn("light");
        WebElement figure = browser.driver().findElements(By.cssSelector("figure.diagram")).get(3);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", figure);
        figure.click();
        WebElement dialog = browser.driver().findElement(By.cssSelector("dialog.diagram-zoom"));
        assertThat(dialog.getAttribute("open")).isNotNull();
        assertThat(dialog.findElements(By.cssSelector(".diagram-zoom-stage svg[role]"))).hasSize(1);
        double fitted = scale();
        dialog.findElement(By.cssSelector(".diagram-zoom-tools button")).click();
        assertThat(scale()).as("zoomed in by the + button").isGreaterThan(fitted * 1.4);
        WebElement picture = dialog.findElement(By.cssSelector(".diagram-zoom-stage > div"));
        String before = picture.getCssValue("transform");
        new Actions(browser.driver()).moveToElement(dialog, 0, 0).clickAndHold().moveByOffset(120, 80).release().perform();
        assertThat(picture.getCssValue("transform")).as("panned by dragging").isNotEqualTo(before);
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        assertThat(dialog.getAttribute("open")).as("Escape closes it").isNull();
        assertThat(browser.script("return document.documentElement.dataset.diagramZoom")).isEqualTo("closed");

        WebElement zoomButton = figure.findElement(By.cssSelector(".diagram-zoom-button"));
        assertThat(zoomButton.getAttribute("aria-label")).isEqualTo("다이어그램 확대");
        zoomButton.sendKeys(Keys.ENTER);
        assertThat(dialog.getAttribute("open")).as("the zoom button opens it from the keyboard").isNotNull();
        dialog.findElement(By.cssSelector("button[aria-label='닫기']")).click();
        assertThat(dialog.getAttribute("open")).isNull();
    }

    @Test
    void onAPhoneAWideDiagramKeepsReadableTextAndATapOpensTheZoom() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        openIn("light");
        WebElement figure = browser.driver().findElements(By.cssSelector("figure.diagram")).get(4);
        double fontPx = ((Number) browser.script("""
                const label = Array.from(arguments[0].querySelectorAll('.diagram-light .nodeLabel')).find(l => l.textContent.trim());
                const svg = arguments[0].querySelector('.diagram-light > svg');
                return parseFloat(getComputedStyle(label).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                """, figure)).doubleValue();
        assertThat(fontPx).as("node text on the phone, in CSS px").isGreaterThanOrEqualTo(8);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", figure);
        figure.click();
        WebElement dialog = browser.driver().findElement(By.cssSelector("dialog.diagram-zoom"));
        assertThat(dialog.getAttribute("open")).isNotNull();
        assertThat(dialog.getSize().getWidth()).isEqualTo(390);
        dialog.findElement(By.cssSelector("button[aria-label='닫기']")).click();
        assertThat(dialog.getAttribute("open")).isNull();
    }

    @Test
    void aPageDrawnAtBuildTimeShowsItsDiagramsWithJavaScriptDisabled() {
        browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        browser.open(seedPage);
        List<WebElement> light = browser.driver().findElements(By.cssSelector("figure.diagram .diagram-light > svg"));
        assertThat(light).hasSize(8);
        for (WebElement svg : light) {
            assertThat(svg.isDisplayed()).isTrue();
            assertThat(svg.getSize().getWidth()).isGreaterThan(100);
            assertThat(svg.getSize().getHeight()).isGreaterThan(40);
        }
        assertThat(browser.driver().findElements(By.cssSelector("figure.diagram .diagram-dark > svg")))
                .hasSize(8).noneMatch(WebElement::isDisplayed);
        assertThat(light.get(6).getText()).contains("캐시저장", "만료");
        assertThat(browser.driver().findElements(By.cssSelector(".diagram-zoom-button"))).as("added by the script only").isEmpty();
    }

    @Test
    void printingUsesTheLightPicturesEvenFromDarkMode() {
        openIn("dark");
        assertThat(shown()).containsOnly("diagram-dark");
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(shown()).hasSize(8).containsOnly("diagram-light");
        assertThat(browser.driver().findElements(By.cssSelector(".diagram-zoom-button")).stream().filter(WebElement::isDisplayed)).isEmpty();
    }

    private static List<String> shown() {
        return browser.driver().findElements(By.cssSelector("figure.diagram svg[role]")).stream().filter(WebElement::isDisplayed)
                .map(svg -> svg.findElement(By.xpath("..")).getAttribute("class")).toList();
    }

    private static double scale() {
        return Double.parseDouble((String) browser.script("return document.documentElement.dataset.diagramZoomScale"));
    }

    @Test
    void withoutChromiumAtBuildTimeTheReadersBrowserDrawsTheDiagramsInBothThemes() throws IOException {
        Path site = work.resolve("in-browser");
        MermaidDiagrams noChromium = new MermaidDiagrams(new DiagramCache(work.resolve("cache")), Optional.empty(), line -> { });
        new SiteBuilder(CourseSources.of(work.resolve("seed")), site, true, noChromium).build();
        Path page = site.resolve("week_05/day3/session_3.html");
        browser.open(page);
        browser.script("localStorage.setItem('coursekit-theme', 'light')");
        browser.open(page);
        assertThat(browser.awaitDiagrams()).isEqualTo("ready");
        assertThat(browser.driver().findElements(By.cssSelector("pre.mermaid > svg"))).hasSize(8);
        assertThat(browser.script("return typeof window.mermaid")).as("Mermaid is loaded for this page").isEqualTo("object");
        browser.driver().findElement(By.id("theme-toggle")).click();
        assertThat(browser.awaitDiagrams()).isEqualTo("ready");
        assertThat(browser.script("return document.documentElement.dataset.diagramTheme")).isEqualTo("dark");
    }
}
