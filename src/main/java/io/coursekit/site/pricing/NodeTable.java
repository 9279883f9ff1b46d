package io.coursekit.site.pricing;

import io.coursekit.YamlTree.Mapping;
import io.coursekit.site.pricing.TableHtml.Column;

import java.util.List;
import java.util.Set;

/** {@code table: nodes}: memory, hourly and monthly on-demand price of each node type. */
final class NodeTable implements PricingTable {

    @Override
    public Set<String> keys() {
        return Set.of("nodes");
    }

    @Override
    public String html(PriceBook book, Mapping block) {
        Money money = book.money();
        TableHtml table = new TableHtml("nodes", "노드 요금 (온디맨드)", List.of(Column.text("노드"), Column.number("메모리"),
                Column.number("시간당"), Column.number("월 (" + book.hoursPerMonth().toPlainString() + "시간)")));
        for (NodeType node : book.nodes(block.get("nodes"))) {
            table.row(node.type(), node.type(), node.memoryGib().toPlainString() + " GiB", money.rate(node.perHour(), ""),
                    money.amount(node.monthly(book.hoursPerMonth())));
        }
        return table.html(book);
    }
}
