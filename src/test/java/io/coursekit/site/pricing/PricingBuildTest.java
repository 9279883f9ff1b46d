package io.coursekit.site.pricing;

import io.coursekit.testing.CommandRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code coursekit build} with pricing blocks: computed tables in the page, each pricing mistake a failed build. */
class PricingBuildTest {
    @TempDir
    Path dir;
    Path content;
    Path session;
    Path book;

    @BeforeEach
    void courseWithAPriceBook() throws IOException {
        content = dir.resolve("content");
        Path day = Files.createDirectories(content.resolve("week_01/day1"));
        Files.writeString(content.resolve("course.yaml"), "title: 요금 코스\nlanguage: ko\nweeks:\n  - week_01\n");
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n| 시간 | 내용 |\n|---|---|\n| 09:00 | [세션](./session_1.md) |\n");
        session = day.resolve("session_1.md");
        book = Files.createDirectories(content.resolve("pricing")).resolve("elasticache.yaml");
        Files.copy(SeedFiguresTest.seedBooks().resolve("elasticache.yaml"), book);
    }

    @Test
    void builtSessionShowsTheComputedTables() throws IOException {
        session("book: elasticache\ntable: scenario\nnode: cache.m5.large\nreplicas: 1\nbackup_gb: 5\nterm: 1y\n");

        CommandRun run = build();

        assertThat(run.exitCode()).as(run.err()).isZero();
        String page = Files.readString(dir.resolve("site/week_01/day1/session_1.html"));
        assertThat(page).contains("<figure class=\"ck-pricing ck-pricing-scenario\">", "$236.95", "$142.17");
        assertThat(dir.resolve("site/assets/pricing.js")).exists();
        assertThat(dir.resolve("site/assets/pricing.css")).exists();
    }

    @Test
    void unknownNodeTypeFailsTheBuildAtTheBlocksLine() throws IOException {
        session("book: elasticache\ntable: scenario\nnode: cache.m5.xlarge\n");

        assertFails(session + ":6: unknown node type 'cache.m5.xlarge' in price book elasticache"
                + " (known: cache.t3.micro, cache.t3.small, cache.m5.large, cache.r5.large)");
    }

    @Test
    void negativePriceFailsTheBuildAtThePriceBooksLine() throws IOException {
        Files.writeString(book, Files.readString(book).replace("per_hour: 0.034", "per_hour: -0.034"));
        session("book: elasticache\ntable: nodes\n");

        assertFails(book + ":" + lineOf("per_hour: -0.034") + ": per_hour of cache.t3.small is negative (-0.034); it must be 0 or more");
    }

    @Test
    void missingPriceFailsTheBuildAtTheNodeWithoutIt() throws IOException {
        Files.writeString(book, Files.readString(book).replace("    per_hour: 0.188\n", ""));
        session("book: elasticache\ntable: nodes\n");

        assertFails(book + ":" + lineOf("- type: cache.r5.large") + ": node cache.r5.large has no 'per_hour'");
    }

    @Test
    void unknownPriceBookFailsTheBuildAtTheBlocksBookLine() throws IOException {
        session("book: elasticache-seoul\ntable: nodes\n");

        assertFails(session + ":4: unknown price book 'elasticache-seoul': there is no "
                + content.resolve("pricing/elasticache-seoul.yaml") + " (price books: elasticache)");
    }

    @Test
    void yamlSyntaxErrorInABlockFailsTheBuildInTheSession() throws IOException {
        session("book: elasticache\ntable: nodes\nnodes: [cache.t3.micro\n");

        CommandRun run = build();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines()[0]).startsWith(session + ":6: YAML syntax error: ");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void yamlSyntaxErrorInAPriceBookFailsTheBuildInThePriceBook() throws IOException {
        Files.writeString(book, Files.readString(book).replace("region: us-east-1", "region: [us-east-1"));
        session("book: elasticache\ntable: nodes\n");

        CommandRun run = build();

        assertThat(run.exitCode()).isEqualTo(1);
        // the unclosed list swallows the next line, where the parser finds the ':' it cannot accept
        assertThat(run.errLines()[0]).startsWith(book + ":" + lineOf("currency: USD") + ": YAML syntax error: ")
                .endsWith("(while parsing a flow sequence that starts on line " + lineOf("region: [us-east-1") + ")");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    /** A session whose line 3 opens a pricing block, so its first YAML line is line 4. */
    private void session(String block) throws IOException {
        Files.writeString(session, "# 세션 1\n\n```pricing\n" + block + "```\n");
    }

    private CommandRun build() {
        return CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString());
    }

    private void assertFails(String problem) {
        CommandRun run = build();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(problem, "build failed: 1 problem");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    private int lineOf(String text) throws IOException {
        return Files.readAllLines(book).indexOf(Files.readAllLines(book).stream().filter(line -> line.contains(text)).findFirst().orElseThrow()) + 1;
    }
}
