package io.coursekit.site.pricing;

import io.coursekit.YamlTree.Mapping;
import io.coursekit.site.pricing.TableHtml.Column;

import java.util.List;
import java.util.Set;

/** {@code table: transfer}: the price per GB of each data transfer route. */
final class TransferTable implements PricingTable {

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public String html(PriceBook book, Mapping block) {
        if (book.transfer().isEmpty()) {
            throw block.problemAt("table", "price book " + book.name() + " has no data transfer rates");
        }
        Money money = book.money();
        TableHtml table = new TableHtml("transfer", "데이터 전송 비용", List.of(Column.text("경로"), Column.number("GB당"), Column.text("비고")));
        book.transfer().forEach(rate -> table.row(rate.route(), rate.route(),
                money.rate(rate.perGb(), "/GB"), rate.note()));
        return table.html(book);
    }
}
