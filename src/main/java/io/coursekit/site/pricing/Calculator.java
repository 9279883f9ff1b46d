package io.coursekit.site.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.YamlTree.Mapping;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code table: calculator}: a form that pricing.js turns into a live estimate in the browser. The block's
 * scenario keys give the starting inputs, and the build writes the figures for them, so the page shows
 * the right numbers before (or without) JavaScript. The price book travels along as JSON with every
 * price as a decimal string, which pricing.js computes with exactly, as {@link Scenario} does.
 */
final class Calculator implements PricingTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ON_DEMAND = "on-demand";

    @Override
    public Set<String> keys() {
        return Scenario.KEYS;
    }

    @Override
    public String html(PriceBook book, Mapping block) {
        Scenario scenario = Scenario.from(block, book);
        Money money = book.money();
        StringBuilder html = new StringBuilder("<figure class=\"ck-pricing ck-pricing-calculator\" data-pricing-calculator>\n")
                .append("<p class=\"ck-calc-title\">").append(XHTMLEnc(scenario.title().isEmpty() ? "비용 계산기" : scenario.title())).append("</p>\n")
                .append("<script type=\"application/json\" data-calc-book>").append(bookJson(book)).append("</script>\n")
                .append("<form class=\"ck-calc-inputs\">\n")
                .append(label("노드", nodeSelect(book, scenario)))
                .append(label("프라이머리 수", number("count", scenario.count(), "1", "1")))
                .append(label("프라이머리당 복제본", number("replicas", scenario.replicas(), "0", "1")))
                .append(label("월 사용 시간", number("hours", scenario.hours().toPlainString(), "0", "any")))
                .append(label("요금제", termSelect(book, scenario)));
        if (book.backup().isPresent()) {
            html.append(label("백업 GB (무료분 초과)", number("backup_gb", scenario.backupGb().toPlainString(), "0", "any")));
        }
        html.append("</form>\n<div class=\"ck-pricing-scroll\"><table>\n<caption>월 예상 비용</caption>\n<tbody>\n")
                .append(output("primaries", "프라이머리 노드", money.amount(scenario.primaries())))
                .append(output("replicas", "복제본 노드 (Multi-AZ)", money.amount(scenario.replicaCost())));
        if (book.backup().isPresent()) {
            html.append(output("backup", "백업 스토리지", money.amount(scenario.backup())));
        }
        html.append("</tbody>\n<tfoot>\n")
                .append(output("on-demand", "월 합계 (온디맨드)", money.amount(scenario.onDemand())))
                .append(output("total", "월 합계 (선택한 요금제)", money.amount(scenario.total())))
                .append("</tfoot>\n</table></div>\n<figcaption>\n")
                .append("<p class=\"ck-pricing-note\">약정 할인은 월 합계 전체(노드와 백업)에 적용합니다. AWS 예약 노드 할인은 노드 요금에만 적용되므로 백업이 있으면 실제 청구액은 조금 더 큽니다.</p>\n")
                .append("<p class=\"ck-pricing-note\">모든 값은 정확히 계산한 뒤 센트 단위로 반올림(0.5는 올림)해 보여 줍니다.</p>\n")
                .append(TableHtml.provenance(book))
                .append("</figcaption>\n</figure>\n");
        return html.toString();
    }

    /** The prices pricing.js needs, every number a decimal string so nothing passes through a float. */
    private static String bookJson(PriceBook book) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", book.money().symbol());
        json.put("nodes", book.nodes().values().stream()
                .map(node -> Map.of("type", node.type(), "perHour", node.perHour().toPlainString())).toList());
        json.put("terms", book.reserved().values().stream()
                .map(term -> Map.of("term", term.term(), "discountPercent", term.discountPercent().toPlainString())).toList());
        json.put("backupPerGbMonth", book.backup().map(backup -> backup.perGbMonth().toPlainString()).orElse("0"));
        try {
            // "</" would end the script element early
            return JSON.writeValueAsString(json).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nodeSelect(PriceBook book, Scenario scenario) {
        Money money = book.money();
        StringBuilder select = new StringBuilder("<select data-calc-input=\"node\">");
        book.nodes().values().forEach(node -> select.append(option(node.type(),
                node.type() + " · " + node.memoryGib().toPlainString() + " GiB",
                node.equals(scenario.node()))));
        return select.append("</select>").toString();
    }

    private static String termSelect(PriceBook book, Scenario scenario) {
        StringBuilder select = new StringBuilder("<select data-calc-input=\"term\">")
                .append(option(ON_DEMAND, "온디맨드", scenario.term().isEmpty()));
        book.reserved().values().forEach(term -> select.append(option(term.term(),
                term.label() + " (" + term.discountPercent().toPlainString() + "% 할인)",
                scenario.term().filter(term::equals).isPresent())));
        return select.append("</select>").toString();
    }

    private static String option(String value, String text, boolean selected) {
        return "<option value=\"" + XHTMLEnc(value) + "\"" + (selected ? " selected" : "") + ">" + XHTMLEnc(text) + "</option>";
    }

    private static String number(String input, Object value, String min, String step) {
        return "<input type=\"number\" data-calc-input=\"" + input + "\" min=\"" + min + "\" step=\"" + step + "\" value=\"" + value + "\">";
    }

    private static String label(String text, String control) {
        return "<label><span>" + XHTMLEnc(text) + "</span>" + control + "</label>\n";
    }

    private static String output(String name, String label, String amount) {
        return "<tr><th scope=\"row\">" + XHTMLEnc(label) + "</th><td class=\"num\"><output data-calc-output=\""
                + name + "\">" + amount + "</output></td></tr>\n";
    }
}
