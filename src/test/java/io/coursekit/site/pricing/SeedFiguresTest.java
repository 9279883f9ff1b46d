package io.coursekit.site.pricing;

import io.coursekit.site.FencedBlock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every figure of the seed lecture's cost section, computed from its prices and rendered to the cent. */
class SeedFiguresTest {
    private final PricingBlocks blocks = new PricingBlocks(seedBooks());

    @Test
    void nodeTableGivesEachNodesMonthAt730Hours() {
        Element table = render("""
                book: elasticache
                table: nodes
                nodes: [cache.t3.micro, cache.t3.small, cache.m5.large, cache.r5.large]
                """);

        assertThat(cells(table, "cache.t3.micro")).containsExactly("0.5 GiB", "$0.017", "$12.41");
        assertThat(cells(table, "cache.t3.small")).containsExactly("1.4 GiB", "$0.034", "$24.82");
        assertThat(cells(table, "cache.m5.large")).containsExactly("6.38 GiB", "$0.162", "$118.26");
        assertThat(cells(table, "cache.r5.large")).containsExactly("13.07 GiB", "$0.188", "$137.24");
    }

    @Test
    void nodeTableShowsOnlyTheNodesAskedForInTheirOrder() {
        Element table = render("""
                book: elasticache
                table: nodes
                nodes: [cache.r5.large, cache.t3.micro]
                """);

        assertThat(table.select("tbody tr").eachAttr("data-item")).containsExactly("cache.r5.large", "cache.t3.micro");
    }

    @Test
    void reservedTableTakesFortyPercentOffTheOnDemandMonth() {
        Element table = render("""
                book: elasticache
                table: reserved
                nodes: [cache.m5.large, cache.r5.large]
                term: 1y
                """);

        assertThat(cells(table, "cache.m5.large")).containsExactly("$118.26", "$70.96", "40% ($47.30)");
        assertThat(cells(table, "cache.r5.large")).containsExactly("$137.24", "$82.34", "40% ($54.90)");
    }

    @Test
    void reservedTableWithoutTermComparesEveryTerm() {
        Element table = render("""
                book: elasticache
                table: reserved
                nodes: [cache.m5.large]
                """);

        assertThat(cells(table, "cache.m5.large")).containsExactly("$118.26", "$70.96", "40% ($47.30)", "$47.30", "60% ($70.96)");
    }

    @Test
    void smallAppScenarioIsOneMicroNodeWithItsFreeBackup() {
        Element table = render("""
                book: elasticache
                table: scenario
                title: 소규모 웹 애플리케이션
                node: cache.t3.micro
                term: 1y
                """);

        assertThat(amount(table, "primaries")).isEqualTo("$12.41");
        assertThat(cells(table, "backup")).containsExactly("자동 백업 1개 무료", "$0.00");
        assertThat(table.select("tr[data-item=replicas]")).isEmpty();
        assertThat(amount(table, "on-demand")).isEqualTo("$12.41");
        assertThat(amount(table, "reserved")).isEqualTo("$7.45");
    }

    @Test
    void midSizeMultiAzScenarioAddsPrimaryReplicaAndBackup() {
        Element table = render("""
                book: elasticache
                table: scenario
                title: 중규모 E-Commerce (Multi-AZ)
                node: cache.m5.large
                count: 1
                replicas: 1
                backup_gb: 5
                term: 1y
                """);

        assertThat(table.selectFirst("caption").text()).isEqualTo("중규모 E-Commerce (Multi-AZ)");
        assertThat(amount(table, "primaries")).isEqualTo("$118.26");
        assertThat(amount(table, "replicas")).isEqualTo("$118.26");
        // 5 × 0.085 = 0.425: HALF_UP gives 0.43 where banker's rounding would give 0.42
        assertThat(amount(table, "backup")).isEqualTo("$0.43");
        // the total rounds the exact sum 236.945, not the sum of rounded items
        assertThat(amount(table, "on-demand")).isEqualTo("$236.95");
        assertThat(amount(table, "reserved")).isEqualTo("$142.17");
    }

    @Test
    void scenarioSaysTheDiscountCoversTheWholeTotalAndWhatNodeOnlyDiscountGives() {
        Element table = render("""
                book: elasticache
                table: scenario
                node: cache.m5.large
                replicas: 1
                backup_gb: 5
                term: 1y
                """);

        assertThat(table.select(".ck-pricing-note").eachText())
                .anySatisfy(note -> assertThat(note).contains("월 합계 전체(노드와 백업)", "$142.34"));
    }

    @Test
    void tenGigabyteSnapshotCosts85CentsAMonth() {
        Element table = render("""
                book: elasticache
                table: backup
                gb: 10
                """);

        assertThat(cells(table, "snapshot")).containsExactly("$0.085/GB-월", "$0.85");
        assertThat(cells(table, "free")).containsExactly("무료", "$0.00");
    }

    @Test
    void transferTableListsEachRouteWithItsPrice() {
        Element table = render("""
                book: elasticache
                table: transfer
                """);

        assertThat(cells(table, "아웃바운드 (인터넷)")).containsExactly("$0.09/GB", "첫 10 TB");
        assertThat(cells(table, "다른 AZ 사이")).containsExactly("$0.01/GB", "");
        assertThat(cells(table, "인바운드")).containsExactly("무료", "");
    }

    @Test
    void calculatorStartsWithTheBuildsFiguresForTheBlocksInputs() {
        Element calculator = render("""
                book: elasticache
                table: calculator
                node: cache.m5.large
                replicas: 1
                backup_gb: 5
                term: 1y
                """);

        assertThat(calculator.select("[data-calc-input=node] option[selected]").val()).isEqualTo("cache.m5.large");
        assertThat(calculator.select("[data-calc-input=term] option[selected]").val()).isEqualTo("1y");
        assertThat(output(calculator, "primaries")).isEqualTo("$118.26");
        assertThat(output(calculator, "backup")).isEqualTo("$0.43");
        assertThat(output(calculator, "on-demand")).isEqualTo("$236.95");
        assertThat(output(calculator, "total")).isEqualTo("$142.17");
        assertThat(calculator.selectFirst("script[data-calc-book]").data())
                .contains("\"perHour\":\"0.162\"", "\"discountPercent\":\"40\"", "\"backupPerGbMonth\":\"0.085\"");
    }

    @Test
    void everyTableShowsItsAsOfDateAndSource() {
        for (String table : List.of("nodes", "reserved", "scenario", "backup", "transfer", "calculator")) {
            Element source = render("book: elasticache\ntable: " + table + "\n").selectFirst(".ck-pricing-source");

            assertThat(source).as(table).isNotNull();
            assertThat(source.selectFirst("time").attr("datetime")).as(table).isEqualTo("2024-11-30");
            assertThat(source.selectFirst("a").attr("href")).as(table).isEqualTo("https://aws.amazon.com/elasticache/pricing/");
            assertThat(source.text()).as(table).contains("us-east-1", "USD");
        }
    }

    private Element render(String body) {
        String html = blocks.toHtml(new FencedBlock("pricing", body, Path.of("week_01/day1/session_1.md"), 10));
        Element figure = Jsoup.parseBodyFragment(html).selectFirst("figure.ck-pricing");
        assertThat(figure).as("rendered figure").isNotNull();
        return figure;
    }

    /** The cells after the row's heading, empty ones included. */
    private static List<String> cells(Element table, String item) {
        Elements row = table.select("tr[data-item=\"" + item + "\"]");
        assertThat(row).as("row " + item).hasSize(1);
        return row.select("td").stream().map(Element::text).toList();
    }

    private static String amount(Element table, String item) {
        List<String> cells = cells(table, item);
        return cells.get(cells.size() - 1);
    }

    private static String output(Element calculator, String name) {
        return calculator.selectFirst("[data-calc-output=" + name + "]").text();
    }

    static Path seedBooks() {
        try {
            return Path.of(SeedFiguresTest.class.getResource("/pricing/seed").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
