package io.coursekit.site;

import io.coursekit.testing.CourseBrowser;
import io.coursekit.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader of a real-sized course sees in Chromium: search over whole pages, pages opening at their title, tables, contents. */
class ReaderBrowserTest {
    @TempDir
    static Path work;
    static Path site;
    static Path course;
    static CourseBrowser browser;

    @BeforeAll
    static void buildAndOpen() throws IOException {
        Path content = GeneratedCourse.write(work.resolve("bootcamp"), 120, 30);
        Path page = content.resolve("week_02/day3/session_2.md");
        Files.writeString(page, Files.readString(page) + "\n파인애플피자는 이 문단에만 나오는 낱말입니다 🍍\n");
        site = work.resolve("site");
        new SiteBuilder(CourseSources.of(content), site, true).build();
        course = work.resolve("course-site");
        new SiteBuilder(CourseSources.of(Fixtures.content()), course, true).build();
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
    }

    @Test
    void searchFindsAWordOfTheLastParagraphOfALongPageAndHighlightsIt() throws IOException {
        assertThat(Files.size(work.resolve("bootcamp/week_02/day3/session_2.md"))).isGreaterThan(30_000);
        browser.open(site.resolve("index.html"));
        List<WebElement> hits = search("파인애플피자");
        assertThat(hits).hasSize(1);
        assertThat(URLDecoder.decode(hits.get(0).getAttribute("href"), StandardCharsets.UTF_8))
                .as("the result leads to the section's heading").endsWith("week_02/day3/session_2.html#-참고");
        assertThat(hits.get(0).findElements(By.tagName("mark"))).extracting(WebElement::getText).containsOnly("파인애플피자");
        assertThat(Double.parseDouble((String) browser.script("return document.documentElement.dataset.searchMs")))
                .as("milliseconds from typing to results").isLessThan(50);
    }

    @Test
    void twoWordsMustBothOccurAndBothAreHighlighted() {
        browser.open(site.resolve("index.html"));
        List<WebElement> both = search("캐시 적중률");
        assertThat(both).isNotEmpty();
        for (WebElement hit : both) {
            assertThat(hit.findElements(By.tagName("mark")).stream().map(m -> m.getText().toLowerCase()).distinct())
                    .as("marks in %s", hit.getText()).contains("캐시", "적중률");
        }
        assertThat(search("캐시 파인애플피자")).as("no section holds both").isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("#search-results .search-note")).getText()).isEqualTo("결과 없음");
    }

    @Test
    void onAPhoneSearchResultsStayOnTheScreen() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(site.resolve("week_02/day3/session_2.html"));
        assertThat(search("컨테이너")).isNotEmpty();
        double left = number("return document.getElementById('search-results').getBoundingClientRect().left");
        double right = number("return document.getElementById('search-results').getBoundingClientRect().right");
        assertThat(left).isGreaterThanOrEqualTo(0);
        assertThat(right).isLessThanOrEqualTo(number("return window.innerWidth"));
    }

    @Test
    void aPageDeepInTheCourseOpensAtItsTitle() {
        browser.open(site.resolve("week_03/day3/lab_1.html"));
        assertThat(number("return window.scrollY")).isZero();
        assertThat(number("return document.querySelector('article h1').getBoundingClientRect().top")).isBetween(0.0, 300.0);
        assertThat(number("return document.getElementById('sidebar').scrollTop")).as("the sidebar scrolled itself to the page").isPositive();
    }

    @Test
    void rubricIdsNeverBreakOnDesktopOrPhone() {
        for (int width : new int[] {1280, 390}) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.open(course.resolve("week_05/day3/lab_2.html"));
            List<WebElement> ids = browser.driver().findElements(By.cssSelector(".rubric td code"));
            assertThat(ids).hasSizeGreaterThan(3);
            for (WebElement id : ids) {
                assertThat(number("return arguments[0].getClientRects().length", id)).as("%s at %d px", id.getText(), width).isEqualTo(1);
            }
        }
    }

    @Test
    void theTableOfContentsIsThereAt1024Pixels() {
        browser.driver().manage().window().setSize(new Dimension(1024, 800));
        browser.open(course.resolve("week_05/day3/session_3.html"));
        WebElement toc = browser.driver().findElement(By.cssSelector("aside.toc"));
        assertThat(toc.isDisplayed()).isTrue();
        assertThat(number("return document.querySelector('aside.toc').getBoundingClientRect().right")).isLessThanOrEqualTo(1024);
        assertThat(number("return document.querySelector('article').getBoundingClientRect().width")).isGreaterThan(450);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(course.resolve("week_05/day3/session_3.html"));
        assertThat(browser.driver().findElement(By.cssSelector("details.toc-inline")).isDisplayed()).as("folded above the page on a phone").isTrue();
    }

    private static List<WebElement> search(String query) {
        WebElement input = browser.driver().findElement(By.id("search-input"));
        input.clear();
        input.click();
        browser.await(Duration.ofSeconds(20)).until(d -> browser.script("return window.COURSEKIT_SEARCH ? 1 : 0").equals(1L));
        input.sendKeys(query);
        browser.await(Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#search-results a, #search-results .search-note")).isEmpty()
                        && d.findElements(By.cssSelector("#search-results .search-note")).stream().noneMatch(n -> n.getText().contains("불러오는")));
        return browser.driver().findElements(By.cssSelector("#search-results a"));
    }

    private static double number(String script, Object... args) {
        return ((Number) browser.script(script, args)).doubleValue();
    }
}
