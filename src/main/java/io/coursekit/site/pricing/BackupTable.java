package io.coursekit.site.pricing;

import io.coursekit.YamlTree.Mapping;
import io.coursekit.site.pricing.TableHtml.Column;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** {@code table: backup}: the snapshot storage price and, with {@code gb}, what that many GB cost a month. */
final class BackupTable implements PricingTable {

    @Override
    public Set<String> keys() {
        return Set.of("gb");
    }

    @Override
    public String html(PriceBook book, Mapping block) {
        BackupPrice price = book.backup().orElseThrow(() -> block.problemAt("table", "price book " + book.name() + " has no backup prices"));
        Money money = book.money();
        String rate = money.rate(price.perGbMonth(), "/GB-월");
        TableHtml table = new TableHtml("backup", "백업 (스냅샷) 비용", List.of(Column.text("항목"), Column.number("단가"), Column.number("월 비용")));
        if (price.freeAutomaticBackups() > 0) {
            table.row("free", "자동 백업 " + price.freeAutomaticBackups() + "개", "무료", money.amount(BigDecimal.ZERO));
        }
        block.scalar("gb").map(gb -> gb.nonNegative("gb")).ifPresentOrElse(
                gb -> table.row("snapshot", "스냅샷 " + gb.toPlainString() + " GB", rate, money.amount(price.monthly(gb))),
                () -> table.row("snapshot", "스냅샷 스토리지", rate, "용량 × 단가"));
        return table.html(book);
    }
}
