package io.coursekit.site;

import io.coursekit.site.preview.PreviewServer;
import io.coursekit.testing.CourseBrowser;
import io.coursekit.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The built course as a reader's headless Chromium shows it. */
class SiteBrowserTest {
    @TempDir
    static Path work;
    static Path site;
    static CourseBrowser browser;

    @BeforeAll
    static void buildAndOpen() throws IOException {
        site = work.resolve("site");
        new SiteBuilder(CourseSources.of(Fixtures.content()), site, true).build();
        browser = CourseBrowser.open();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** One visit per page, since opening the pages is most of this test's time. */
    @Test
    void everyPageShowsItsDiagramsDrawnAtBuildTimeAndItsLinksLeadToExistingPages() throws IOException {
        Fixtures.assumeChromium();
        int diagrams = 0;
        Set<String> checked = new LinkedHashSet<>();
        for (Path page : pages()) {
            browser.open(page);
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) browser.script("return Array.from(document.querySelectorAll("
                    + "'.sidebar a, .breadcrumbs a, .pager a, .course-title, .markdown a')).map(a => a.href)");
            for (String href : hrefs) {
                if (href.startsWith("file:")) {
                    Path target = Path.of(URI.create(href.replaceAll("#.*$", "")));
                    assertThat(target).as("link %s on %s", href, page).isRegularFile();
                    checked.add(href);
                }
            }
            String outcome = browser.awaitDiagrams();
            List<WebElement> figures = browser.driver().findElements(By.cssSelector("figure.diagram"));
            if (figures.isEmpty()) {
                continue;
            }
            assertThat(outcome).as("diagrams of %s", page).isEqualTo("ready");
            for (WebElement figure : figures) {
                List<WebElement> shown = figure.findElements(By.cssSelector("svg[role]")).stream().filter(WebElement::isDisplayed).toList();
                assertThat(shown).as("one picture shown in %s at line %s", page, figure.getAttribute("data-line")).hasSize(1);
                assertThat(shown.get(0).getSize().getWidth()).isGreaterThan(50);
            }
            assertThat(browser.driver().findElements(By.cssSelector("pre.mermaid, .build-problem"))).as(page.toString()).isEmpty();
            assertThat(browser.script("return typeof window.mermaid === 'undefined' && !performance.getEntriesByType('resource')"
                    + ".some(r => /mermaid/.test(r.name))")).as("no Mermaid loaded by %s", page).isEqualTo(true);
            diagrams += figures.size();
        }
        assertThat(diagrams).as("Mermaid blocks in the course").isGreaterThanOrEqualTo(18);
        assertThat(checked.size()).as("links checked").isGreaterThan(20);
    }

    @Test
    void theSeedSessionDrawsItsEightDiagrams() throws IOException {
        Fixtures.assumeChromium();
        Path seedSite = work.resolve("seed-site");
        new SiteBuilder(CourseSources.of(Fixtures.seedCourse(work.resolve("seed"))), seedSite, true).build();
        browser.open(seedSite.resolve("week_05/day3/session_3.html"));
        assertThat(browser.awaitDiagrams()).isEqualTo("ready");
        assertThat(browser.driver().findElements(By.cssSelector("figure.diagram .diagram-light > svg"))).hasSize(8);
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Syntax error");
        String kinds = (String) browser.script("return Array.from(document.querySelectorAll('.diagram-light > svg'))"
                + ".map(s => s.getAttribute('aria-roledescription')).join(',')");
        assertThat(kinds.split(",")).contains("architecture", "sequence", "stateDiagram", "flowchart-v2");
    }

    @Test
    void theDarkModeToggleSwitchesDiagramsAndIsRemembered() {
        Path session = site.resolve("week_05/day3/session_3.html");
        browser.open(session);
        browser.script("localStorage.removeItem('coursekit-theme')");
        browser.open(session);
        browser.awaitDiagrams();
        assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo("light");
        String lightBackground = background();

        browser.driver().findElement(By.id("theme-toggle")).click();
        assertThat(browser.awaitDiagrams()).isEqualTo("ready");
        assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo("dark");
        assertThat(browser.driver().findElements(By.cssSelector("figure.diagram svg[role]")).stream()
                .filter(WebElement::isDisplayed).map(svg -> svg.findElement(By.xpath("..")).getAttribute("class")))
                .as("the dark pictures are shown").isNotEmpty().containsOnly("diagram-dark");
        assertThat(background()).isNotEqualTo(lightBackground).isEqualTo("rgb(13, 17, 23)");

        browser.open(site.resolve("index.html"));
        assertThat(browser.script("return document.documentElement.dataset.theme")).as("remembered on another page").isEqualTo("dark");
        browser.driver().findElement(By.id("theme-toggle")).click();
        assertThat(browser.script("return localStorage.getItem('coursekit-theme')")).isEqualTo("light");
    }

    @Test
    void nextLinksWalkTheWholeCourseInOrder() {
        browser.open(site.resolve("index.html"));
        browser.driver().findElement(By.cssSelector(".week-card .day-link")).click();
        List<String> visited = new ArrayList<>();
        while (true) {
            visited.add(browser.driver().findElement(By.cssSelector("article h1")).getText());
            List<WebElement> next = browser.driver().findElements(By.cssSelector(".pager a.next"));
            if (next.isEmpty()) {
                break;
            }
            next.get(0).click();
            assertThat(visited.size()).isLessThan(200);
        }
        assertThat(visited).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(10);
        browser.driver().findElement(By.cssSelector(".pager a.prev")).click();
        assertThat(browser.driver().findElement(By.cssSelector("article h1")).getText()).isEqualTo(visited.get(visited.size() - 2));
    }

    @Test
    void theSiteAlsoWorksFromAWebServer() throws IOException {
        try (PreviewServer server = new PreviewServer(CourseSources.of(Fixtures.content()), "127.0.0.1", 0, line -> { })) {
            server.start();
            browser.open("http://127.0.0.1:" + server.port() + "/week_05/day3/session_3.html");
            assertThat(browser.awaitDiagrams()).isEqualTo("ready");
            assertThat(browser.script("return getComputedStyle(document.querySelector('.sidebar')).position")).isEqualTo("sticky");
            browser.driver().findElement(By.id("search-input")).sendKeys("TTL");
            browser.await(Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("#search-results a")).isEmpty());
            browser.driver().findElement(By.cssSelector("#search-results a")).click();
            assertThat(browser.driver().getCurrentUrl()).startsWith("http://127.0.0.1:" + server.port() + "/week_");
        }
    }

    @Test
    void onAPhoneTheSidebarOpensFromTheMenuButton() {
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open(site.resolve("week_05/day3/session_3.html"));
            WebElement sidebar = browser.driver().findElement(By.id("sidebar"));
            assertThat(sidebarLeft()).isLessThan(0);
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isEqualTo(true);
            browser.driver().findElement(By.cssSelector(".menu-toggle")).click();
            browser.script("return new Promise(r => setTimeout(r, 400))");
            assertThat(sidebarLeft()).isGreaterThanOrEqualTo(0);
            assertThat(sidebar.isDisplayed()).isTrue();
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void printingShowsOnlyTheLessonWithExternalLinksSpelledOut() {
        browser.open(site.resolve("week_05/day3/session_3.html"));
        browser.awaitDiagrams();
        try {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            for (String chrome : List.of(".topbar", ".sidebar", ".toc", ".pager")) {
                assertThat(browser.script("return getComputedStyle(document.querySelector('" + chrome + "')).display"))
                        .as(chrome).isEqualTo("none");
            }
            assertThat(browser.script("return getComputedStyle(document.querySelector('.markdown a[href^=\"http\"]'), '::after').content"))
                    .asString().contains("https://");
            assertThat(browser.driver().findElements(By.cssSelector("figure.diagram svg[role]")).stream()
                    .filter(WebElement::isDisplayed)).isNotEmpty();
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static long sidebarLeft() {
        return Math.round(((Number) browser.script("return document.getElementById('sidebar').getBoundingClientRect().left")).doubleValue());
    }

    private static String background() {
        return (String) browser.script("return getComputedStyle(document.body).backgroundColor");
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }
}
