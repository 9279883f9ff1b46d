package io.coursekit.site.pricing;

import io.coursekit.YamlTree;
import io.coursekit.YamlTree.Mapping;
import io.coursekit.YamlTree.Scalar;
import io.coursekit.site.BuildProblem;
import io.coursekit.site.FencedBlock;
import io.coursekit.site.FencedBlockRenderer;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@code ```pricing} blocks: YAML naming a price book of {@code content/pricing/} ({@code book: elasticache})
 * and the table to compute from it:
 * <ul>
 * <li>{@code table: nodes}, optional {@code nodes: [..]}: memory, $/hour, $/month per node type;
 * <li>{@code table: reserved}, optional {@code nodes}, {@code term: 1y}: on-demand vs reserved months;
 * <li>{@code table: scenario} with {@code node}, {@code count}, {@code replicas} (per primary), {@code backup_gb}
 *     (beyond the free automatic backup), {@code hours}, {@code term}, {@code title}: line items and totals;
 * <li>{@code table: backup}, optional {@code gb}; {@code table: transfer};
 * <li>{@code table: calculator}, with the scenario keys as its starting inputs.
 * </ul>
 * Unknown keys, node types, terms and books fail the build at their line.
 */
public final class PricingBlocks implements FencedBlockRenderer {
    private static final Map<String, PricingTable> TABLES = tables();

    private final PriceBooks books;

    /** @param pricingDir the folder of price books, {@code content/pricing} */
    public PricingBlocks(Path pricingDir) {
        this.books = new PriceBooks(pricingDir);
    }

    @Override
    public boolean accepts(String info) {
        return "pricing".equals(info);
    }

    @Override
    public String toHtml(FencedBlock block) {
        Mapping request = YamlTree.read(block.body(), block.line() + 1, "YAML syntax error",
                (line, what) -> new BuildProblem(block.file(), line, what)).asMapping("a pricing block");
        String known = String.join(", ", TABLES.keySet());
        Scalar tableName = request.scalar("table")
                .orElseThrow(() -> request.problemAt("table", "the pricing block has no 'table' (one of: " + known + ")"));
        PricingTable table = TABLES.get(tableName.text());
        if (table == null) {
            throw tableName.problem("unknown table '" + tableName.text() + "' (known: " + known + ")");
        }
        Set<String> keys = new HashSet<>(table.keys());
        keys.addAll(Set.of("book", "table"));
        request.allowOnly(keys, "a '" + tableName.text() + "' pricing block");
        PriceBook book = books.named(request.scalar("book")
                .orElseThrow(() -> request.problemAt("book", "the pricing block has no 'book' (a price book of content/pricing/)")));
        return table.html(book, request);
    }

    private static Map<String, PricingTable> tables() {
        Map<String, PricingTable> tables = new LinkedHashMap<>();
        tables.put("nodes", new NodeTable());
        tables.put("reserved", new ReservedTable());
        tables.put("scenario", new ScenarioTable());
        tables.put("backup", new BackupTable());
        tables.put("transfer", new TransferTable());
        tables.put("calculator", new Calculator());
        return tables;
    }
}
