package io.coursekit.site.pricing;

import io.coursekit.site.BuildProblem;
import io.coursekit.site.FencedBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each mistake in a price book or a pricing block stops the build with the file, the line and what is wrong. */
class PricingErrorsTest {
    private static final Path SESSION = Path.of("content/week_01/day2/session_1.md");
    /** The opening fence's line; the block's first YAML line is the next one. */
    private static final int FENCE = 40;
    private static final String BOOK = """
            service: Amazon ElastiCache (Redis OSS)
            region: us-east-1
            currency: USD
            as_of: 2024-11-30
            source: https://aws.amazon.com/elasticache/pricing/
            nodes:
              - type: cache.t3.micro
                memory_gib: 0.5
                per_hour: 0.017
              - type: cache.m5.large
                memory_gib: 6.38
                per_hour: 0.162
            reserved:
              - term: 1y
                discount_percent: 40
            """;

    @TempDir
    Path pricing;

    @Test
    void unknownNodeTypeIsReportedOnTheBlocksNodeLine() throws IOException {
        BuildProblem problem = renderFails(BOOK, """
                book: elasticache
                table: scenario
                node: cache.m5.larg
                """);

        assertThat(problem.file()).isEqualTo(SESSION);
        assertThat(problem.line()).isEqualTo(FENCE + 3);
        assertThat(problem).hasMessage(SESSION + ":43: unknown node type 'cache.m5.larg' in price book elasticache"
                + " (known: cache.t3.micro, cache.m5.large)");
    }

    @Test
    void unknownNodeTypeInANodeListIsReportedOnItsLine() throws IOException {
        BuildProblem problem = renderFails(BOOK, """
                book: elasticache
                table: nodes
                nodes:
                  - cache.t3.micro
                  - cache.r9.huge
                """);

        assertThat(problem.line()).isEqualTo(FENCE + 5);
        assertThat(problem.getMessage()).contains("unknown node type 'cache.r9.huge'");
    }

    @Test
    void negativePriceIsReportedAtItsLineInThePriceBook() throws IOException {
        BuildProblem problem = renderFails(BOOK.replace("per_hour: 0.162", "per_hour: -0.162"), NODES);

        assertThat(problem.file()).isEqualTo(pricing.resolve("elasticache.yaml"));
        assertThat(problem.line()).isEqualTo(12);
        assertThat(problem).hasMessage(pricing.resolve("elasticache.yaml")
                + ":12: per_hour of cache.m5.large is negative (-0.162); it must be 0 or more");
    }

    @Test
    void missingPriceIsReportedAtTheNodeThatLacksIt() throws IOException {
        BuildProblem problem = renderFails(BOOK.replace("    per_hour: 0.017\n", ""), NODES);

        assertThat(problem.file()).isEqualTo(pricing.resolve("elasticache.yaml"));
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.getMessage()).endsWith(":7: node cache.t3.micro has no 'per_hour'");
    }

    @Test
    void priceWithNoValueCountsAsMissing() throws IOException {
        BuildProblem problem = renderFails(BOOK.replace("per_hour: 0.017", "per_hour:"), NODES);

        assertThat(problem.getMessage()).endsWith(":9: node cache.t3.micro has no 'per_hour'");
    }

    @Test
    void priceThatIsNotANumberSaysSo() throws IOException {
        BuildProblem problem = renderFails(BOOK.replace("per_hour: 0.017", "per_hour: $0.017"), NODES);

        assertThat(problem.getMessage()).endsWith(":9: per_hour of cache.t3.micro must be a number, not '$0.017'");
    }

    @Test
    void unknownPriceBookIsReportedOnTheBlocksBookLine() throws IOException {
        BuildProblem problem = renderFails(BOOK, """
                table: nodes
                book: rds
                """);

        assertThat(problem.file()).isEqualTo(SESSION);
        assertThat(problem.line()).isEqualTo(FENCE + 2);
        assertThat(problem).hasMessage(SESSION + ":42: unknown price book 'rds': there is no "
                + pricing.resolve("rds.yaml") + " (price books: elasticache)");
    }

    @Test
    void yamlSyntaxErrorInABlockIsReportedInTheSession() throws IOException {
        BuildProblem problem = renderFails(BOOK, """
                book: elasticache
                table: nodes
                nodes: [cache.t3.micro, cache.m5.large
                """);

        assertThat(problem.file()).isEqualTo(SESSION);
        assertThat(problem.line()).isEqualTo(FENCE + 3);
        assertThat(problem.getMessage()).startsWith(SESSION + ":43: YAML syntax error: ")
                .contains("expected ',' or ']'").endsWith("that starts on line 43)");
    }

    @Test
    void yamlSyntaxErrorInAPriceBookIsReportedInThePriceBook() throws IOException {
        BuildProblem problem = renderFails(BOOK.replace("    memory_gib: 6.38", "   memory_gib: 6.38"), NODES);

        assertThat(problem.file()).isEqualTo(pricing.resolve("elasticache.yaml"));
        assertThat(problem.line()).isEqualTo(11);
        assertThat(problem.getMessage()).contains(":11: YAML syntax error: ");
    }

    @Test
    void misspelledBlockKeyIsNotSilentlyIgnored() throws IOException {
        BuildProblem problem = renderFails(BOOK, """
                book: elasticache
                table: scenario
                node: cache.m5.large
                replica: 1
                """);

        assertThat(problem.line()).isEqualTo(FENCE + 4);
        assertThat(problem.getMessage()).contains("unknown key 'replica'", "replicas");
    }

    @Test
    void unknownTableAndTermNameWhatIsKnown() throws IOException {
        assertThat(renderFails(BOOK, "book: elasticache\ntable: node\n"))
                .hasMessage(SESSION + ":42: unknown table 'node' (known: nodes, reserved, scenario, backup, transfer, calculator)");
        assertThat(renderFails(BOOK, "book: elasticache\ntable: reserved\nterm: 3y\n"))
                .hasMessage(SESSION + ":43: unknown reserved term '3y' in price book elasticache (known: 1y)");
    }

    @Test
    void scenarioCountMustBeAWholeNumberOfNodes() throws IOException {
        assertThat(renderFails(BOOK, "book: elasticache\ntable: scenario\nnode: cache.t3.micro\ncount: 1.5\n"))
                .hasMessage(SESSION + ":44: count must be a whole number of at least 1, not '1.5'");
    }

    private static final String NODES = "book: elasticache\ntable: nodes\n";

    private BuildProblem renderFails(String book, String block) throws IOException {
        Files.writeString(pricing.resolve("elasticache.yaml"), book);
        PricingBlocks blocks = new PricingBlocks(pricing);
        return catchThrowableOfType(BuildProblem.class,
                () -> blocks.toHtml(new FencedBlock("pricing", block, SESSION, FENCE)));
    }
}
