package io.coursekit.report;

import java.util.List;
import java.util.Locale;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

/**
 * The pictures of the class summary as inline SVG: drawn here, styled by the page's CSS classes
 * ({@code bar}, {@code good}, {@code bad}, {@code axis}) so they follow its light or dark colours.
 */
final class ClassCharts {
    private static final int WIDTH = 640;
    private static final int ROW = 22;
    private static final int LABEL = 220;

    /** One horizontal bar: {@code value} out of the chart's maximum, {@code text} written after it. */
    record Bar(String label, double value, String text, String style) {
    }

    /** One student whose score moved between two gradings. */
    record Change(String label, int before, int after) {
    }

    private ClassCharts() {
    }

    /** Vertical bars, one per bin, with the count on top and the bin's name below. */
    static String histogram(List<String> bins, List<Integer> counts, String title) {
        int height = 210;
        int plot = height - 50;
        int top = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        double step = (double) (WIDTH - 20) / bins.size();
        StringBuilder svg = open(WIDTH, height, title);
        svg.append(line(10, 20 + plot, WIDTH - 10, 20 + plot));
        for (int i = 0; i < bins.size(); i++) {
            int count = counts.get(i);
            double h = top == 0 ? 0 : plot * (double) count / top;
            double x = 10 + i * step + 3;
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %d</title></rect>",
                    x, 20 + plot - h, step - 6, h, XHTMLEnc(bins.get(i)), count));
            if (count > 0) {
                svg.append(text(x + (step - 6) / 2, 20 + plot - h - 4, "middle", String.valueOf(count)));
            }
            svg.append(text(x + (step - 6) / 2, 20 + plot + 16, "middle", bins.get(i)));
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per row, scaled to {@code max}. */
    static String bars(List<Bar> bars, double max, String title) {
        int height = bars.size() * ROW + 10;
        double room = WIDTH - LABEL - 90;
        StringBuilder svg = open(WIDTH, height, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = 5 + i * ROW;
            double w = max <= 0 ? 0 : room * Math.min(1, bar.value() / max);
            svg.append(text(LABEL - 8, y + 15, "end", shorten(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"><title>%s: %s</title></rect>",
                    bar.style(), LABEL, y + 3, Math.max(w, 1), ROW - 6, XHTMLEnc(bar.label()), XHTMLEnc(bar.text())));
            svg.append(text(LABEL + w + 6, y + 15, "start", bar.text()));
        }
        return svg.append("</svg>").toString();
    }

    /** One row per student: a dot for the old score, an arrow to the new one, on a 0..max scale. */
    static String changes(List<Change> changes, int max, String title) {
        int height = changes.size() * ROW + 30;
        double room = WIDTH - LABEL - 60;
        StringBuilder svg = open(WIDTH, height, title);
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            double y = 5 + i * ROW + 11;
            double from = LABEL + room * Math.min(1, (double) change.before() / Math.max(1, max));
            double to = LABEL + room * Math.min(1, (double) change.after() / Math.max(1, max));
            String style = change.after() >= change.before() ? "good" : "bad";
            svg.append(text(LABEL - 8, y + 4, "end", shorten(change.label())));
            svg.append(String.format(Locale.ROOT, "<line class=\"%s-line\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    style, from, y, to, y));
            svg.append(String.format(Locale.ROOT, "<circle class=\"axis-dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", from, y));
            svg.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\"><title>%s: %d → %d</title></circle>",
                    style, to, y, XHTMLEnc(change.label()), change.before(), change.after()));
            svg.append(text(Math.max(from, to) + 10, y + 4, "start",
                    change.before() + " → " + change.after()));
        }
        double axis = 5 + changes.size() * ROW + 5;
        svg.append(line(LABEL, axis, LABEL + room, axis));
        svg.append(text(LABEL, axis + 16, "middle", "0"));
        svg.append(text(LABEL + room, axis + 16, "middle", String.valueOf(max)));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                width, height, width, height, XHTMLEnc(title)));
    }

    private static String text(double x, double y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, XHTMLEnc(text));
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x1, y1, x2, y2);
    }

    private static String shorten(String label) {
        return label.length() <= 30 ? label : label.substring(0, 29) + "…";
    }
}
