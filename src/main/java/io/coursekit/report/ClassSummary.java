package io.coursekit.report;

import io.coursekit.lab.EndpointRubric;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

/**
 * A class's grades as one self-contained page for the instructor: a score histogram, the pass rate of each check,
 * the slowest submissions, those that did not compile or could not be graded, and score changes after a regrade.
 */
final class ClassSummary {
    private static final int SLOWEST = 10;
    private static final int BINS = 10;
    private static final String STYLE = """
            :root { color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --bar: #4f7cc4; --good: #2e8b57;
                    --bad: #c8453b; --bg: #ffffff; --line: #d0d7de; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e6edf3; --muted: #9da7b3; --bar: #6f9be0; --good: #56c38a; --bad: #ef7b70;
                      --bg: #0d1117; --line: #30363d; } }
            body { font: 15px/1.5 system-ui, "Apple SD Gothic Neo", "Noto Sans KR", sans-serif; color: var(--fg);
                   background: var(--bg); max-width: 720px; margin: 2em auto; padding: 0 1em; }
            h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.15em; margin-top: 2em; }
            .note, .overview { color: var(--muted); } svg { max-width: 100%; height: auto; }
            svg text { fill: currentColor; font-size: 12px; } .bar { fill: var(--bar); }
            .good { fill: var(--good); } .bad { fill: var(--bad); } .axis { stroke: var(--line); }
            .axis-dot { fill: var(--muted); } .good-line { stroke: var(--good); stroke-width: 3; }
            .bad-line { stroke: var(--bad); stroke-width: 3; }
            ul.names { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4em; }
            ul.names li { border: 1px solid var(--line); border-radius: 1em; padding: .1em .7em; }
            a { color: var(--bar); }
            """;

    private final ResourceBundle texts;
    private final String language;

    private ClassSummary(Wording wording) {
        this.language = wording.language();
        this.texts = ResourceBundle.getBundle("io.coursekit.report.summary", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String html(List<StudentGrade> grades, Wording wording) {
        return new ClassSummary(wording).page(grades);
    }

    /** A class's deployed endpoints are scored, not compiled. */
    private static boolean ofEndpoints(List<StudentGrade> grades) {
        return !grades.isEmpty() && grades.stream().flatMap(g -> g.checks().stream())
                .allMatch(c -> EndpointRubric.CHECK_IDS.contains(c.id()));
    }

    private String page(List<StudentGrade> grades) {
        List<StudentGrade> graded = grades.stream().filter(StudentGrade::graded).toList();
        int max = grades.isEmpty() ? 0 : grades.get(0).maxScore();
        String lab = grades.isEmpty() ? "" : grades.get(0).labTitle();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(XHTMLEnc(text("title") + " — " + lab)).append("</title>\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(XHTMLEnc(text("title"))).append("</h1>\n<p class=\"overview\">")
                .append(XHTMLEnc(lab)).append("<br>").append(XHTMLEnc(overview(grades, graded, max))).append("</p>\n");
        section(html, "histogram", "histogramNote", histogram(graded, max));
        section(html, "checks", "checksNote", checkRates(graded));
        section(html, "slowest", "slowestNote", slowest(graded));
        if (!ofEndpoints(grades)) {
            List<StudentGrade> notCompiled = graded.stream().filter(g -> !g.compiled()).toList();
            section(html, "noCompile", null, notCompiled.isEmpty() ? "<p>" + XHTMLEnc(text("allCompiled")) + "</p>"
                    : names(notCompiled.stream().map(g -> link(g, g.student())).toList()));
        }
        List<StudentGrade> refused = grades.stream().filter(g -> !g.graded()).toList();
        if (!refused.isEmpty()) {
            section(html, "notGraded", null, names(refused.stream()
                    .map(g -> XHTMLEnc(g.student()) + " — " + XHTMLEnc(g.problem())).toList()));
        }
        List<StudentGrade> regraded = grades.stream().filter(g -> g.previousScore() != null).toList();
        if (!regraded.isEmpty()) {
            section(html, "changes", null, changes(regraded, max));
        }
        section(html, "students", null, names(grades.stream()
                .map(g -> link(g, g.student() + " · " + g.score() + "/" + g.maxScore())).toList()));
        return html.append("</body>\n</html>\n").toString();
    }

    private String overview(List<StudentGrade> grades, List<StudentGrade> graded, int max) {
        List<Integer> scores = graded.stream().map(StudentGrade::score).sorted().toList();
        double mean = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
        double median = scores.isEmpty() ? 0 : scores.size() % 2 == 1 ? scores.get(scores.size() / 2)
                : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2.0;
        long full = scores.stream().filter(s -> s >= max).count();
        return text("overview", grades.size(), graded.size(), number(mean), number(median), max, full);
    }

    private String histogram(List<StudentGrade> graded, int max) {
        List<String> bins = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        double width = Math.max(1, max) / (double) BINS;
        for (int bin = 0; bin < BINS; bin++) {
            int low = (int) Math.ceil(bin * width);
            int high = bin == BINS - 1 ? max : (int) Math.ceil((bin + 1) * width) - 1;
            bins.add(bin == BINS - 1 ? low + "+" : low + "–" + high);
            int b = bin;
            counts.add((int) graded.stream().filter(g -> Math.min(BINS - 1, (int) (g.score() / width)) == b).count());
        }
        return ClassCharts.histogram(bins, counts, text("histogram"));
    }

    private String checkRates(List<StudentGrade> graded) {
        if (graded.isEmpty()) {
            return "";
        }
        List<ClassCharts.Bar> bars = new ArrayList<>();
        for (StudentGrade.CheckScore check : graded.get(0).checks()) {
            long passed = graded.stream().filter(g -> g.checks().stream()
                    .anyMatch(c -> c.id().equals(check.id()) && c.passed())).count();
            double rate = 100.0 * passed / graded.size();
            bars.add(new ClassCharts.Bar(check.id() + (check.extraCredit() ? " (" + text("extraCredit") + ")" : ""),
                    rate, Math.round(rate) + "% (" + passed + "/" + graded.size() + ")", rate >= 50 ? "bar" : "bad"));
        }
        return ClassCharts.bars(bars, 100, text("checks"));
    }

    private String slowest(List<StudentGrade> graded) {
        List<StudentGrade> slow = graded.stream().sorted(Comparator.comparingDouble(StudentGrade::seconds).reversed()
                .thenComparing(StudentGrade::student)).limit(SLOWEST).toList();
        double longest = slow.isEmpty() ? 0 : slow.get(0).seconds();
        return ClassCharts.bars(slow.stream().map(g -> new ClassCharts.Bar(g.student(), g.seconds(),
                String.format(Locale.ROOT, "%.1f s", g.seconds()), "bar")).toList(), longest, text("slowest"));
    }

    private String changes(List<StudentGrade> regraded, int max) {
        List<ClassCharts.Change> moved = regraded.stream().filter(g -> g.previousScore() != g.score())
                .map(g -> new ClassCharts.Change(g.student(), g.previousScore(), g.score())).toList();
        String unchanged = "<p class=\"note\">" + XHTMLEnc(text("unchanged", regraded.size() - moved.size())) + "</p>\n";
        return moved.isEmpty() ? unchanged : ClassCharts.changes(moved, max, text("changes")) + "\n" + unchanged;
    }

    private void section(StringBuilder html, String title, String note, String body) {
        html.append("<h2>").append(XHTMLEnc(text(title))).append("</h2>\n");
        if (note != null) {
            html.append("<p class=\"note\">").append(XHTMLEnc(text(note))).append("</p>\n");
        }
        html.append(body).append('\n');
    }

    private static String names(List<String> items) {
        StringBuilder list = new StringBuilder("<ul class=\"names\">");
        items.forEach(item -> list.append("<li>").append(item).append("</li>"));
        return list.append("</ul>").toString();
    }

    private static String link(StudentGrade grade, String label) {
        return "<a href=\"" + XHTMLEnc(encodePath(grade.student())) + "/" + ReportFolder.REPORT_HTML + "\">"
                + XHTMLEnc(label) + "</a>";
    }

    private static String encodePath(String segment) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            encoded.append(Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0
                    ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return encoded.toString();
    }

    private String text(String key, Object... values) {
        String text = texts.getString(key);
        return values.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(values);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
