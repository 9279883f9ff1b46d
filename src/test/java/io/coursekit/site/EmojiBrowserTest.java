package io.coursekit.site;

import io.coursekit.site.preview.PreviewServer;
import io.coursekit.testing.CourseBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.OutputType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emoji as a reader sees them: in colour from the site's own font on a machine without a colour emoji font, from the
 * system's font (nothing downloaded) on one with it, and symbols that Unicode shows as text left as text.
 */
class EmojiBrowserTest {
    @TempDir
    static Path work;
    /** Served over HTTP, so the browser's resource timing tells which font files it fetched and from where. */
    static PreviewServer server;
    static String origin;
    static CourseBrowser bare;
    static CourseBrowser equipped;

    @BeforeAll
    static void serve() throws IOException {
        Path content = Files.createDirectories(work.resolve("content"));
        Files.writeString(content.resolve("README.md"), """
                # 🆕 새 기능

                <p id="emoji">🆕🐳🚀🎯</p>

                <p id="text">▶ ™ ↔</p>

                <p id="control" style="font-family: 'Noto Color Emoji', sans-serif">🆕🐳🚀🎯</p>
                """);
        Files.writeString(content.resolve("symbols.md"), """
                # Symbols

                <p id="requested">⚠️1️⃣</p>
                """);
        server = new PreviewServer(CourseSources.of(content), "127.0.0.1", 0, line -> { });
        server.start();
        origin = "http://127.0.0.1:" + server.port() + "/";
        bare = CourseBrowser.withoutSystemEmoji();
        equipped = CourseBrowser.open();
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable open : new AutoCloseable[] {bare, equipped, server}) {
            if (open != null) {
                try {
                    open.close();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void withoutASystemEmojiFontEmojiAreInColourFromTheSitesOwnFont(String theme) throws IOException {
        open(bare, theme, "index.html");
        Map<String, Integer> colour = colourful(bare, "#control", "#emoji", "h1", "#text");
        assertThat(colour.get("#control")).as("this Chromium really has no colour emoji font of its own").isZero();
        assertThat(colour.get("#emoji")).as("🆕🐳🚀🎯 in colour").isGreaterThan(300);
        assertThat(fonts(bare, "#emoji")).as("drawn by the site's Noto Color Emoji").containsExactly(Map.entry("Noto Color Emoji", true));
        assertThat(colour.get("h1")).as("the heading's 🆕, not a text font's grey NEW").isGreaterThan(400);
        assertThat(colour.get("#text")).as("▶ ™ ↔ stay text").isZero();
        List<String> pieces = fetched(bare).stream().filter(name -> name.contains("noto-color-emoji")).toList();
        assertThat(pieces).as("only the pieces of the font these emoji are in, not the flags' 700 KB").isNotEmpty()
                .noneMatch(p -> p.endsWith("/noto-color-emoji/0.woff2")).hasSizeLessThan(6);
        assertThat(fetched(bare)).as("every file from the site itself").allMatch(name -> name.startsWith(origin));
        open(bare, theme, "symbols.html");
        assertThat(colourful(bare, "#requested").get("#requested")).as("⚠️ and 1️⃣, text symbols asked for as emoji").isGreaterThan(200);
    }

    @Test
    void withASystemEmojiFontItDrawsTheEmojiAndTheSitesFontIsNeverDownloaded() throws IOException {
        open(equipped, "light", "index.html");
        Map<String, Integer> colour = colourful(equipped, "#control", "#emoji", "h1", "#text");
        Assumptions.assumeTrue(colour.get("#control") > 300, () -> {
            String reason = "skipped: this machine has no colour emoji font (apt-get install fonts-noto-color-emoji; .ci/run does this)";
            System.out.println(reason);
            return reason;
        });
        assertThat(colour.get("#emoji")).isGreaterThan(300);
        assertThat(fonts(equipped, "#emoji")).as("the system's Noto Color Emoji").containsExactly(Map.entry("Noto Color Emoji", false));
        assertThat(colour.get("h1")).as("the heading's 🆕 from the emoji font, not a text font's grey NEW").isGreaterThan(400);
        assertThat(colour.get("#text")).as("▶ ™ ↔ stay text").isZero();
        assertThat(fetched(equipped)).as("the system's font, nothing downloaded").noneMatch(name -> name.contains("noto-color-emoji"));
    }

    private static void open(CourseBrowser browser, String theme, String page) {
        browser.open(origin + page);
        browser.script("localStorage.setItem('coursekit-theme', arguments[0])", theme);
        browser.open(origin + page);
        browser.await(Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.script(
                "return document.fonts.status === 'loaded' && [...document.fonts].every(f => f.status !== 'loading')")));
        browser.script("return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");
        assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo(theme);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fetched(CourseBrowser browser) {
        return (List<String>) browser.script("return performance.getEntriesByType('resource').map(r => r.name)");
    }

    /** The fonts Chromium drew the element's text with (CDP), by family and whether the page's @font-face brought it. */
    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Boolean>> fonts(CourseBrowser browser, String selector) {
        var driver = browser.driver();
        driver.executeCdpCommand("DOM.enable", Map.of());
        driver.executeCdpCommand("CSS.enable", Map.of());
        Object root = ((Map<String, Object>) driver.executeCdpCommand("DOM.getDocument", Map.of()).get("root")).get("nodeId");
        Object node = driver.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).get("nodeId");
        List<Map<String, Object>> fonts = (List<Map<String, Object>>) driver.executeCdpCommand(
                "CSS.getPlatformFontsForNode", Map.of("nodeId", node)).get("fonts");
        return fonts.stream().map(f -> Map.entry((String) f.get("familyName"), (Boolean) f.get("isCustomFont"))).toList();
    }

    /**
     * Pixels of each element, as the page shows it from its top, that are clearly coloured, not grey: a colour emoji
     * has many, a box or a text glyph none.
     */
    private static Map<String, Integer> colourful(CourseBrowser browser, String... selectors) throws IOException {
        browser.script("window.scrollTo(0, 0)");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(browser.driver().getScreenshotAs(OutputType.BYTES)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String selector : selectors) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) browser.script(
                    "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                            + " return {x: r.left, y: r.top, width: r.width, height: r.height}", selector);
            int left = Math.max(0, box.get("x").intValue());
            int top = Math.max(0, box.get("y").intValue());
            int right = Math.min(image.getWidth(), (int) Math.ceil(box.get("x").doubleValue() + box.get("width").doubleValue()));
            int bottom = Math.min(image.getHeight(), (int) Math.ceil(box.get("y").doubleValue() + box.get("height").doubleValue()));
            int count = 0;
            for (int x = left; x < right; x++) {
                for (int y = top; y < bottom; y++) {
                    int p = image.getRGB(x, y);
                    int r = (p >> 16) & 255;
                    int g = (p >> 8) & 255;
                    int b = p & 255;
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                        count++;
                    }
                }
            }
            counts.put(selector, count);
        }
        return counts;
    }
}
