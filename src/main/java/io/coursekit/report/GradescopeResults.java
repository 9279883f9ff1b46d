package io.coursekit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;

import java.io.IOException;

/**
 * A report as Gradescope's autograder {@code results.json}: built whole in memory from the report, never from
 * anything printed. Extra-credit checks have a {@code max_score} of 0, Gradescope's way of adding points on top.
 */
final class GradescopeResults {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    static byte[] json(GradeReport report, Wording wording) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", report.score());
        root.put("execution_time", Math.round(report.timings().total().toMillis() / 10.0) / 100.0);
        root.put("output", wording.intake(report));
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        ArrayNode tests = root.putArray("tests");
        int number = 1;
        for (CheckResult result : report.results()) {
            ObjectNode test = tests.addObject();
            test.put("name", result.check().id());
            test.put("number", String.valueOf(number++));
            test.put("score", result.score());
            test.put("max_score", result.check().extraCredit() ? 0 : result.check().points());
            test.put("status", result.passed() ? "passed" : "failed");
            test.put("output", wording.feedback(result));
            test.put("visibility", result.check().visibility().yamlName());
            if (result.check().extraCredit()) {
                test.putArray("tags").add("extra-credit");
            }
        }
        ObjectNode extra = root.putObject("extra_data");
        extra.put("lab", report.lab().id());
        extra.put("submission", report.submission());
        extra.put("sandbox", report.sandbox());
        extra.put("compile_seconds", report.timings().compile().toMillis() / 1000.0);
        extra.put("jvm_start_seconds", report.timings().jvmStart().toMillis() / 1000.0);
        extra.put("checks_seconds", report.timings().checks().toMillis() / 1000.0);
        return JSON.writeValueAsBytes(root);
    }
}
