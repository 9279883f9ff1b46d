package io.coursekit.site.pricing;

import java.util.ArrayList;
import java.util.List;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

/**
 * The HTML every pricing table shares: caption, header, body, footer rows, footnotes, and the
 * price book's region, date and source, so no figure is shown without where it comes from.
 */
final class TableHtml {

    /** A column; numeric columns are right-aligned so cents line up. */
    record Column(String heading, boolean numeric) {
        static Column text(String heading) {
            return new Column(heading, false);
        }

        static Column number(String heading) {
            return new Column(heading, true);
        }
    }

    private final String kind;
    private final String caption;
    private final List<Column> columns;
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder foot = new StringBuilder();
    private final List<String> notes = new ArrayList<>();

    TableHtml(String kind, String caption, List<Column> columns) {
        this.kind = kind;
        this.caption = caption;
        this.columns = columns;
    }

    /** A body row; {@code item} names it for scripts and tests ({@code data-item}), the first cell heads it. */
    TableHtml row(String item, String... cells) {
        appendRow(body, item, cells);
        return this;
    }

    TableHtml totalRow(String item, String... cells) {
        appendRow(foot, item, cells);
        return this;
    }

    TableHtml note(String text) {
        notes.add(text);
        return this;
    }

    String html(PriceBook book) {
        StringBuilder html = new StringBuilder()
                .append("<figure class=\"ck-pricing ck-pricing-").append(kind).append("\">\n")
                .append("<div class=\"ck-pricing-scroll\"><table>\n<caption>").append(XHTMLEnc(caption)).append("</caption>\n<thead><tr>");
        columns.forEach(column -> html.append("<th scope=\"col\"").append(column.numeric() ? " class=\"num\"" : "").append('>')
                .append(XHTMLEnc(column.heading())).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n").append(body).append("</tbody>\n");
        if (!foot.isEmpty()) {
            html.append("<tfoot>\n").append(foot).append("</tfoot>\n");
        }
        html.append("</table></div>\n<figcaption>\n");
        notes.forEach(note -> html.append("<p class=\"ck-pricing-note\">").append(XHTMLEnc(note)).append("</p>\n"));
        return html.append(provenance(book)).append("</figcaption>\n</figure>\n").toString();
    }

    /** Service, region, currency, as-of date and a link to the source, as one line. */
    static String provenance(PriceBook book) {
        String source = book.source().toString();
        return "<p class=\"ck-pricing-source\">" + XHTMLEnc(book.service()) + " · " + XHTMLEnc(book.region()) + " · "
                + book.currency().getCurrencyCode() + " · <time datetime=\"" + book.asOf() + "\">" + book.asOf()
                + "</time> 기준 · 출처: <a href=\"" + XHTMLEnc(source) + "\">" + XHTMLEnc(source.replaceFirst("^https?://", "")) + "</a></p>\n";
    }


    private void appendRow(StringBuilder rows, String item, String... cells) {
        rows.append("<tr data-item=\"").append(XHTMLEnc(item)).append("\"><th scope=\"row\">").append(XHTMLEnc(cells[0])).append("</th>");
        for (int i = 1; i < cells.length; i++) {
            rows.append(columns.get(i).numeric() ? "<td class=\"num\">" : "<td>").append(XHTMLEnc(cells[i])).append("</td>");
        }
        rows.append("</tr>\n");
    }
}
