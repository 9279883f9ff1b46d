package io.coursekit.site.pricing;

import io.coursekit.site.FencedBlock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the calculator in headless Chromium from file:// and checks that, for each set of inputs,
 * the browser shows exactly the figures the build renders for a block with those inputs.
 */
class CalculatorBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> OUTPUTS = List.of("primaries", "replicas", "backup", "on-demand", "total");

    private static ChromeDriver browser;
    private final PricingBlocks blocks = new PricingBlocks(SeedFiguresTest.seedBooks());

    @TempDir
    Path site;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void browserShowsTheBuildsFiguresForOtherInputs() throws IOException {
        open("book: elasticache\ntable: calculator\nnode: cache.m5.large\nreplicas: 1\nbackup_gb: 5\nterm: 1y\n");
        assertThat(browserFigures()).containsEntry("total", "$142.17").containsEntry("on-demand", "$236.95");

        List<Map<String, String>> inputs = List.of(
                Map.of("node", "cache.t3.micro", "count", "1", "replicas", "0", "hours", "730", "backup_gb", "0", "term", "1y"),
                Map.of("node", "cache.t3.small", "count", "3", "replicas", "2", "hours", "100.5", "backup_gb", "7.3", "term", "3y"),
                Map.of("node", "cache.r5.large", "count", "12", "replicas", "2", "hours", "744", "backup_gb", "250", "term", "on-demand"),
                Map.of("node", "cache.m5.large", "count", "2", "replicas", "1", "hours", "730", "backup_gb", "0.1", "term", "1y"),
                // 0.162 × 1.5 × 5 = 1.215 exactly, but 1.2149999999999999 in floating point, which rounds to 1.21
                Map.of("node", "cache.m5.large", "count", "5", "replicas", "0", "hours", "1.5", "backup_gb", "0", "term", "on-demand"));
        for (Map<String, String> input : inputs) {
            enter(input);

            assertThat(browserFigures()).as(input.toString()).isEqualTo(buildFigures(input));
        }
        assertThat(browserFigures()).containsEntry("total", "$1.22");
    }

    @Test
    void invalidInputShowsNoFigureInsteadOfAWrongOne() throws IOException {
        open("book: elasticache\ntable: calculator\n");

        enter(Map.of("count", "0"));

        assertThat(browserFigures()).containsEntry("total", "—");
        assertThat(browser.findElement(By.cssSelector("[data-calc-input=count]")).getDomAttribute("aria-invalid")).isEqualTo("true");
    }

    private void open(String block) throws IOException {
        Path assets = Path.of(System.getProperty("coursekit.root", "."), "templates", "static");
        Files.copy(assets.resolve("pricing.js"), site.resolve("pricing.js"));
        Files.copy(assets.resolve("pricing.css"), site.resolve("pricing.css"));
        Path page = site.resolve("session.html");
        Files.writeString(page, "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\">"
                + "<link rel=\"stylesheet\" href=\"pricing.css\"><script src=\"pricing.js\" defer></script></head><body><article>"
                + render(block) + "</article></body></html>");
        browser.get(page.toUri().toString());
        assertThat(browser.findElements(By.cssSelector("[data-pricing-calculator][data-calc-ready]"))).as("calculator wired").hasSize(1);
    }

    private static void enter(Map<String, String> input) {
        input.forEach((name, value) -> {
            WebElement control = browser.findElement(By.cssSelector("[data-calc-input=" + name + "]"));
            if ("select".equals(control.getTagName())) {
                new Select(control).selectByValue(value);
            } else {
                control.clear();
                control.sendKeys(value);
            }
        });
    }

    private static Map<String, String> browserFigures() {
        Map<String, String> figures = new LinkedHashMap<>();
        OUTPUTS.forEach(name -> figures.put(name, browser.findElement(By.cssSelector("[data-calc-output=" + name + "]")).getText()));
        return figures;
    }

    /** The figures the build writes for a calculator block holding these inputs. */
    private Map<String, String> buildFigures(Map<String, String> input) {
        StringBuilder block = new StringBuilder("book: elasticache\ntable: calculator\n");
        input.forEach((name, value) -> {
            if (!(name.equals("term") && value.equals("on-demand"))) {
                block.append(name).append(": ").append(value).append('\n');
            }
        });
        Element calculator = Jsoup.parseBodyFragment(render(block.toString()));
        Map<String, String> figures = new LinkedHashMap<>();
        OUTPUTS.forEach(name -> figures.put(name, calculator.selectFirst("[data-calc-output=" + name + "]").text()));
        return figures;
    }

    private String render(String block) {
        return blocks.toHtml(new FencedBlock("pricing", block, Path.of("session_1.md"), 1));
    }
}
