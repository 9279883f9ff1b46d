package io.coursekit.site;

import io.coursekit.testing.CourseBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A page with what authors coming from GitHub or MkDocs Material write every day, as Chromium shows it in light and dark. */
class MarkdownFeaturesBrowserTest {
    @TempDir
    static Path work;
    static Path site;
    static CourseBrowser browser;

    @BeforeAll
    static void buildAndOpen() throws IOException {
        Path day = Files.createDirectories(work.resolve("content/week_01/day1"));
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n[기능](./session_1.md)\n");
        Files.writeString(day.resolve("session_1.md"), """
                # 마크다운 기능

                > [!NOTE]
                > 참고할 내용입니다.

                > [!WARNING]
                > 실습이 끝나면 자원을 지우세요.

                > 평범한 인용문입니다.

                각주가 붙은 문장[^cost].

                ```hcl title="main.tf" {2}
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }
                ```

                ![구성도](./diagram.svg)

                [^cost]: 요금은 서울 리전 기준입니다.
                """);
        Files.writeString(day.resolve("session_2.md"), "# 두 번째 세션\n\n본문\n");
        Files.writeString(day.resolve("diagram.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\"><rect width=\"200\" height=\"100\" fill=\"#0969da\"/></svg>");
        site = work.resolve("site");
        new SiteBuilder(CourseSources.of(work.resolve("content")), site, true).build();
        browser = CourseBrowser.open();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void alertsFootnotesAndHighlightedHclRender(String theme) {
        open(theme);
        List<WebElement> alerts = browser.driver().findElements(By.cssSelector(".alert"));
        assertThat(alerts).extracting(a -> a.findElement(By.cssSelector(".alert-title")).getText()).containsExactly("참고", "경고");
        assertThat(alerts.get(0).getText()).contains("참고할 내용입니다.").doesNotContain("[!NOTE]");
        String note = css(alerts.get(0), "border-left-color");
        String warning = css(alerts.get(1), "border-left-color");
        assertThat(note).isNotEqualTo(warning);
        assertThat(browser.driver().findElements(By.cssSelector("article blockquote"))).hasSize(1);

        WebElement ref = browser.driver().findElement(By.cssSelector("sup.footnote-ref a"));
        assertThat(ref.getText()).isEqualTo("1");
        String target = ref.getAttribute("href").replaceAll(".*#", "");
        assertThat(browser.driver().findElement(By.id(target)).getText()).contains("요금은 서울 리전 기준입니다.");

        WebElement hcl = browser.driver().findElement(By.cssSelector("pre > code.language-hcl"));
        assertThat(hcl.getAttribute("class")).contains("hljs");
        assertThat(hcl.findElements(By.cssSelector(".hljs-keyword")).stream().map(WebElement::getText)).contains("resource");
        assertThat(hcl.findElements(By.cssSelector(".hljs-string"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.cssSelector(".code-title")).getText()).isEqualTo("main.tf");
        WebElement band = browser.driver().findElement(By.cssSelector("pre .line-highlight"));
        double lineTop = number("return arguments[0].getBoundingClientRect().top - arguments[0].parentElement.getBoundingClientRect().top", band);
        double lineHeight = number("return parseFloat(getComputedStyle(arguments[0]).lineHeight)", hcl);
        assertThat(lineTop).as("the band lies on line 2").isBetween(lineHeight, 2 * lineHeight + 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void theCopyButtonCopiesTheCode(String theme) {
        open(theme);
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement pre = browser.driver().findElement(By.cssSelector("pre:has(code.language-hcl)"));
        new Actions(browser.driver()).moveToElement(pre).perform();
        WebElement copy = pre.findElement(By.cssSelector(".copy-code"));
        copy.click();
        browser.await(Duration.ofSeconds(5)).until(d -> copy.getText().equals("복사됨"));
        Object copied = browser.driver().executeAsyncScript("var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('error: ' + e); });");
        assertThat(copied).isEqualTo("resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void anImageOpensInALightboxAndArrowKeysTurnPages(String theme) {
        open(theme);
        WebElement image = browser.driver().findElement(By.cssSelector("article img"));
        assertThat(image.getAttribute("loading")).isEqualTo("lazy");
        image.click();
        WebElement lightbox = browser.driver().findElement(By.id("lightbox"));
        assertThat(lightbox.isDisplayed()).isTrue();
        assertThat(lightbox.findElement(By.tagName("img")).getAttribute("src")).endsWith("diagram.svg");
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        assertThat(lightbox.isDisplayed()).isFalse();

        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
        browser.await(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("session_2.html"));
        new Actions(browser.driver()).sendKeys(Keys.ARROW_LEFT).perform();
        browser.await(Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("session_1.html"));
        new Actions(browser.driver()).sendKeys("?").perform();
        assertThat(browser.driver().findElement(By.id("keys-help")).isDisplayed()).isTrue();
    }

    private static void open(String theme) {
        browser.open(site.resolve("week_01/day1/session_1.html"));
        browser.script("localStorage.setItem('coursekit-theme', arguments[0])", theme);
        browser.open(site.resolve("week_01/day1/session_1.html"));
        assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo(theme);
    }

    private static String css(WebElement element, String property) {
        return (String) browser.script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])", element, property);
    }

    private static double number(String script, Object... args) {
        return ((Number) browser.script(script, args)).doubleValue();
    }
}
