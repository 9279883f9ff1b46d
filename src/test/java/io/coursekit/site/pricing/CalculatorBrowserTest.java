package io.coursekit.site.pricing;

import io.coursekit.site.FencedBlock;
import io.coursekit.testing.CommandRun;
import io.coursekit.testing.CourseBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a course whose session holds a calculator, opens it from file:// in headless Chromium, changes the
 * inputs, and checks that the browser shows exactly the figures the build renders for a block with those inputs.
 */
class CalculatorBrowserTest {
    private static final List<String> OUTPUTS = List.of("primaries", "replicas", "backup", "on-demand", "total");
    private static final String CALCULATOR = "book: elasticache\ntable: calculator\nnode: cache.m5.large\nreplicas: 1\nbackup_gb: 5\nterm: 1y\n";

    @TempDir
    static Path dir;
    static Path page;
    static PricingBlocks blocks;
    static CourseBrowser browser;

    @BeforeAll
    static void buildAndOpen() throws IOException {
        Path content = dir.resolve("content");
        Path day = Files.createDirectories(content.resolve("week_01/day1"));
        Files.writeString(content.resolve("course.yaml"), "title: 요금 코스\nlanguage: ko\nweeks:\n  - week_01\n");
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n| 시간 | 내용 |\n|---|---|\n| 09:00 | [세션](./session_1.md) |\n");
        Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n## 계산기\n\n```pricing\n" + CALCULATOR + "```\n");
        Files.createDirectories(content.resolve("pricing"));
        Files.copy(SeedFiguresTest.seedBooks().resolve("elasticache.yaml"), content.resolve("pricing/elasticache.yaml"));
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        page = dir.resolve("site/week_01/day1/session_1.html");
        blocks = new PricingBlocks(content.resolve("pricing"));
        browser = CourseBrowser.open();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void browserShowsTheBuildsFiguresForOtherInputs() {
        open();
        assertThat(browserFigures()).containsEntry("on-demand", "$236.95").containsEntry("total", "$142.17");

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
    void invalidInputShowsNoFigureInsteadOfAWrongOne() {
        open();

        enter(Map.of("count", "0"));

        assertThat(browserFigures()).containsEntry("total", "—");
        assertThat(browser.driver().findElement(By.cssSelector("[data-calc-input=count]")).getDomAttribute("aria-invalid")).isEqualTo("true");
    }

    private static void open() {
        browser.open(page);
        assertThat(browser.driver().findElements(By.cssSelector("[data-pricing-calculator][data-calc-ready]")))
                .as("calculator wired by pricing.js").hasSize(1);
    }

    private static void enter(Map<String, String> input) {
        input.forEach((name, value) -> {
            WebElement control = browser.driver().findElement(By.cssSelector("[data-calc-input=" + name + "]"));
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
        OUTPUTS.forEach(name -> figures.put(name, browser.driver().findElement(By.cssSelector("[data-calc-output=" + name + "]")).getText()));
        return figures;
    }

    /** The figures the build writes for a calculator block holding these inputs. */
    private static Map<String, String> buildFigures(Map<String, String> input) {
        StringBuilder block = new StringBuilder("book: elasticache\ntable: calculator\n");
        input.forEach((name, value) -> {
            if (!(name.equals("term") && value.equals("on-demand"))) {
                block.append(name).append(": ").append(value).append('\n');
            }
        });
        Element calculator = Jsoup.parseBodyFragment(blocks.toHtml(new FencedBlock("pricing", block.toString(), Path.of("session_1.md"), 1)));
        Map<String, String> figures = new LinkedHashMap<>();
        OUTPUTS.forEach(name -> figures.put(name, calculator.selectFirst("[data-calc-output=" + name + "]").text()));
        return figures;
    }
}
