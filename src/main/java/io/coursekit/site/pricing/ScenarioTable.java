package io.coursekit.site.pricing;

import io.coursekit.YamlTree.Mapping;
import io.coursekit.site.pricing.TableHtml.Column;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** {@code table: scenario}: a cluster's monthly cost as line items, its on-demand total and its reserved total. */
final class ScenarioTable implements PricingTable {

    @Override
    public Set<String> keys() {
        return Scenario.KEYS;
    }

    @Override
    public String html(PriceBook book, Mapping block) {
        Scenario scenario = Scenario.from(block, book);
        Money money = book.money();
        NodeType node = scenario.node();
        String perNode = money.rate(node.perHour(), "/시간") + " × " + scenario.hours().toPlainString() + "시간";
        String caption = scenario.title().isEmpty() ? "예상 월 비용: " + node.type() : scenario.title();
        TableHtml table = new TableHtml("scenario", caption, List.of(Column.text("항목"), Column.text("계산"), Column.number("월 비용")))
                .row("primaries", "프라이머리 " + node.type(), perNode + " × " + scenario.count() + "대", money.amount(scenario.primaries()));
        if (scenario.replicas() > 0) {
            table.row("replicas", "복제본 " + node.type() + " (Multi-AZ)", perNode + " × " + scenario.replicaNodes() + "대",
                    money.amount(scenario.replicaCost()));
        }
        scenario.backupPrice().ifPresent(price -> table.row("backup", "백업 스토리지", backupDetail(scenario, price, money),
                money.amount(scenario.backup())));
        table.totalRow("on-demand", "월 합계 (온디맨드)", "", money.amount(scenario.onDemand()));
        scenario.term().ifPresent(term -> {
            table.totalRow("reserved", "월 합계 (" + term.label() + ")", "온디맨드 합계 × " + BigDecimal.valueOf(100).subtract(term.discountPercent()).toPlainString()
                    + "% (" + term.discountPercent().toPlainString() + "% 절감)", money.amount(scenario.total()));
            table.note(discountRule(scenario, money));
        });
        return table.note("각 항목은 정확히 계산한 값을 센트 단위로 반올림(0.5는 올림)해 보여 주며, 합계는 반올림하기 전의 값을 더한 뒤 반올림합니다.")
                .html(book);
    }

    private static String backupDetail(Scenario scenario, BackupPrice price, Money money) {
        String free = price.freeAutomaticBackups() > 0 ? "자동 백업 " + price.freeAutomaticBackups() + "개 무료" : "";
        if (scenario.backupGb().signum() == 0) {
            return free.isEmpty() ? "없음" : free;
        }
        String charged = scenario.backupGb().toPlainString() + " GB × " + money.rate(price.perGbMonth(), "/GB-월");
        return free.isEmpty() ? charged : charged + " (" + free + "분 제외)";
    }

    /** Says that the discount covers the whole total, as the lecture figures do, and what node-only discounting gives. */
    private static String discountRule(Scenario scenario, Money money) {
        String rule = "약정 할인은 월 합계 전체(노드와 백업)에 적용한 값입니다.";
        if (scenario.backup().signum() == 0) {
            return rule;
        }
        return rule + " AWS 예약 노드 할인은 노드 요금에만 적용되므로, 백업을 할인하지 않으면 "
                + money.amount(scenario.totalDiscountingNodesOnly()) + "입니다.";
    }
}
