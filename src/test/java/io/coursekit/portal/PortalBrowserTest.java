package io.coursekit.portal;

import io.coursekit.testing.CourseBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A student in headless Chromium on a phone: signs in, uploads, watches the status change and reads the score. */
class PortalBrowserTest {
    private static final int PHONE = 390;

    @TempDir
    Path temp;

    @Test
    void aStudentSignsInUploadsWatchesTheStatusAndReadsTheScoreOnAPhone() throws Exception {
        Path zip = Files.write(temp.resolve("cache-aside.zip"), PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", ""));
        try (PortalFixture fixture = PortalFixture.start(temp.resolve("data"), List.of("alice"), PortalRules.defaults(), 1,
                Clock.systemUTC());
             CourseBrowser browser = CourseBrowser.open()) {
            var driver = browser.driver();
            driver.manage().window().setSize(new Dimension(PHONE, 844));
            browser.open(fixture.base.resolve("/signin?token=" + fixture.token("alice")) + "&lang=ko");

            assertThat(driver.getCurrentUrl()).isEqualTo(fixture.base.resolve("/") + "");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("실습 제출");
            assertThat(driver.findElement(By.cssSelector(".portal-nav")).getText()).contains("English");
            assertFitsThePhone(browser);
            screenshot(browser, "student.png");

            driver.findElement(By.id("file-input")).sendKeys(zip.toString());
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/submissions/"));
            browser.script("window.coursekitStayed = true;");
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d ->
                    "graded".equals(d.findElement(By.id("submission")).getAttribute("data-status")));

            assertThat(browser.script("return window.coursekitStayed === true")).as("no reload").isEqualTo(true);
            String seen = (String) browser.script("return document.documentElement.dataset.statuses");
            // the page showed a status on the way (queued, compiling or checking, however fast the worker was) and then graded
            assertThat(List.of(seen.split(" "))).as(seen).hasSizeGreaterThan(1).endsWith("graded")
                    .first().isIn("queued", "compiling", "checking");
            assertThat(driver.findElement(By.id("status-text")).getText()).isEqualTo("채점 완료");
            assertThat(driver.findElement(By.id("score")).getText()).isEqualTo("105");
            assertThat(driver.findElement(By.id("max")).getText()).isEqualTo("100");
            assertThat(driver.findElements(By.cssSelector(".steps li.done"))).hasSize(4);
            assertThat(driver.findElement(By.id("report")).getAttribute("src")).endsWith("/report.html");
            driver.switchTo().frame("report");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("stampede-protection");
            driver.switchTo().defaultContent();
            assertFitsThePhone(browser);

            String light = (String) browser.script("return getComputedStyle(document.body).backgroundColor");
            driver.findElement(By.id("theme-toggle")).click();
            assertThat(browser.script("return document.documentElement.getAttribute('data-theme')")).isEqualTo("dark");
            assertThat(browser.script("return getComputedStyle(document.body).backgroundColor"))
                    .isEqualTo("rgb(13, 17, 23)").isNotEqualTo(light);
            screenshot(browser, "graded-dark.png");

            browser.open(fixture.base.resolve("/?lang=en").toString());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hand in your lab");
            assertThat(driver.findElement(By.cssSelector(".big-score")).getText()).isEqualTo("105 / 100");
            assertThat(driver.findElement(By.cssSelector("table.history tbody")).getText()).contains("#1", "105 / 100");

            // a file dropped on the page, as a student drags it from their editor's folder
            String source = Files.readString(PortalFixture.CACHE_ASIDE.resolve(
                    "samples/no-ttl/lab/cacheaside/CacheAsideProductService.java"));
            browser.script("""
                    var zone = document.getElementById('drop-zone');
                    var files = new DataTransfer();
                    files.items.add(new File([arguments[0]], 'CacheAsideProductService.java', {type: 'text/x-java'}));
                    zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: files, bubbles: true, cancelable: true}));
                    zone.dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));
                    """, source);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/submissions/"));
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d ->
                    "graded".equals(d.findElement(By.id("submission")).getAttribute("data-status")));
            assertThat(driver.findElement(By.id("score")).getText()).isEqualTo("90");
            assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Submission #2");

            browser.open(fixture.base.resolve("/admin/signin?token=" + fixture.portal.adminToken()).toString());
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.cssSelector("#class-table tr[data-student=alice]")).getText().contains("105 / 100"));
            assertFitsThePhone(browser);
        }
    }

    /** Nothing wider than the phone: the page never scrolls sideways. */
    private static void assertFitsThePhone(CourseBrowser browser) {
        Number width = (Number) browser.script("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("page width on a %d px phone", PHONE).isLessThanOrEqualTo(PHONE);
    }

    private void screenshot(CourseBrowser browser, String name) throws java.io.IOException {
        Files.write(temp.resolve(name), browser.driver().getScreenshotAs(OutputType.BYTES));
        String keep = System.getProperty("coursekit.screenshots");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(temp.resolve(name), Path.of(keep, name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
