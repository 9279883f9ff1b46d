package io.coursekit.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report as one self-contained HTML page a student reads: each check, its points, the hint when it failed, timings. */
final class HtmlReport {
    private static final Configuration FREEMARKER = new Configuration(Configuration.VERSION_2_3_34);

    static {
        FREEMARKER.setClassForTemplateLoading(HtmlReport.class, "");
        FREEMARKER.setDefaultEncoding("UTF-8");
    }

    private HtmlReport() {
    }

    static byte[] html(GradeReport report, Wording wording) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", wording.language());
        model.put("w", texts(wording));
        model.put("lab", Map.of("id", report.lab().id(), "title", report.lab().title()));
        model.put("submission", report.submission());
        model.put("score", report.score());
        model.put("maxScore", report.maxScore());
        int extra = report.results().stream().filter(r -> r.check().extraCredit()).mapToInt(CheckResult::score).sum();
        model.put("extraEarned", extra == 0 ? "" : wording.text("extraEarned", extra));
        long passed = report.results().stream().filter(CheckResult::passed).count();
        model.put("passedCount", wording.text("passedCount", passed, report.results().size()));
        model.put("output", wording.intake(report).strip());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult result : report.results()) {
            Map<String, Object> check = new HashMap<>();
            check.put("id", result.check().id());
            check.put("passed", result.passed());
            check.put("score", result.score());
            check.put("points", result.check().points());
            check.put("extraCredit", result.check().extraCredit());
            check.put("visibility", wording.text("visibility." + result.check().visibility().yamlName()));
            check.put("time", Wording.seconds(result.time()));
            check.put("reason", result.passed() ? "" : wording.reason(result.reason()));
            check.put("notes", result.notes());
            check.put("hint", result.hint(wording.language()).orElse(""));
            check.put("output", result.output().strip());
            checks.add(check);
        }
        model.put("checks", checks);
        model.put("timings", Map.of("compile", Wording.seconds(report.timings().compile()),
                "jvm", Wording.seconds(report.timings().jvmStart()),
                "checks", Wording.seconds(report.timings().checks()),
                "total", Wording.seconds(report.timings().total())));
        StringWriter html = new StringWriter();
        try {
            Template template = FREEMARKER.getTemplate("report.ftlh");
            template.process(model, html);
        } catch (TemplateException e) {
            throw new IllegalStateException("the report template is broken", e);
        }
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> texts(Wording wording) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : List.of("title", "submission", "passed", "failed", "reason", "hint", "output", "extraCredit",
                "submissionOutput", "measured", "timings", "timing.compile", "timing.jvm", "timing.checks", "timing.total")) {
            texts.put(key, wording.text(key));
        }
        return texts;
    }
}
