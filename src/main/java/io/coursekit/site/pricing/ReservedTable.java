package io.coursekit.site.pricing;

import io.coursekit.YamlTree.Mapping;
import io.coursekit.site.pricing.TableHtml.Column;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code table: reserved}: the monthly price of each node on demand and under one or every reserved term. */
final class ReservedTable implements PricingTable {

    @Override
    public Set<String> keys() {
        return Set.of("nodes", "term");
    }

    @Override
    public String html(PriceBook book, Mapping block) {
        List<ReservedTerm> terms = block.scalar("term").map(term -> List.of(book.term(term)))
                .orElseGet(() -> List.copyOf(book.reserved().values()));
        if (terms.isEmpty()) {
            throw block.problemAt("table", "price book " + book.name() + " has no reserved terms to compare");
        }
        List<Column> columns = new ArrayList<>(List.of(Column.text("노드"), Column.number("온디맨드 / 월")));
        terms.forEach(term -> {
            columns.add(Column.number(term.label() + " / 월"));
            columns.add(Column.number("절감"));
        });
        Money money = book.money();
        TableHtml table = new TableHtml("reserved", "예약 노드 vs 온디맨드", columns);
        for (NodeType node : book.nodes(block.get("nodes"))) {
            BigDecimal onDemand = node.monthly(book.hoursPerMonth());
            List<String> cells = new ArrayList<>(List.of(node.type(), money.amount(onDemand)));
            terms.forEach(term -> {
                cells.add(money.amount(term.apply(onDemand)));
                cells.add(term.discountPercent().toPlainString() + "% (" + money.amount(term.saving(onDemand)) + ")");
            });
            table.row(node.type(), cells.toArray(String[]::new));
        }
        return table.note("월 요금은 시간당 요금 × " + book.hoursPerMonth().toPlainString() + "시간이며, 약정 요금은 온디맨드 월 요금에서 할인율만큼 뺀 값입니다.")
                .html(book);
    }
}
