package io.coursekit.site.diagrams;

import io.coursekit.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The packaged jar on a machine without Chromium (a PATH that has none): the site still builds, after one notice. */
class BareMachineIT {
    private static final Path JAR = Fixtures.repository().resolve("target/coursekit.jar");

    @TempDir
    Path temp;

    @Test
    void withoutChromiumTheBuildSucceedsAndLeavesTheDiagramsToTheReadersBrowser() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "skipped: " + JAR + " is not built (run mvn verify)");
        Path site = temp.resolve("site");
        Path log = temp.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "build", "--content", Fixtures.content().toString(), "--out", site.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PATH", Files.createDirectory(temp.resolve("empty-path")).toString());
        builder.environment().remove("COURSEKIT_CHROMIUM");
        builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed.lines().filter(l -> l.startsWith("notice: no Chromium found"))).hasSize(1);
        assertThat(printed).contains("left to the reader's browser");
        Document page = Jsoup.parse(Files.readString(site.resolve("week_05/day3/session_3.html")));
        assertThat(page.select("pre.mermaid")).isNotEmpty();
        assertThat(page.select("figure.diagram")).isEmpty();
        assertThat(site.resolve("assets/vendor/mermaid/dist/mermaid.min.js")).isRegularFile();
        assertThat(site.resolve("assets/diagrams.js")).isRegularFile();
    }
}
