package io.coursekit.report;

import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;

/** The few lines printed after grading: each check, why failed ones failed, the score and where the reports are. */
public final class TerminalSummary {
    private static final int REASON_WIDTH = 160;

    private TerminalSummary() {
    }

    public static String text(GradeReport report, Wording wording, String reportsIn) {
        StringBuilder text = new StringBuilder();
        text.append(wording.text("title")).append(" — ").append(report.lab().title()).append(" — ")
                .append(report.submission()).append('\n');
        int width = report.results().stream().mapToInt(r -> r.check().id().length()).max().orElse(0);
        for (CheckResult result : report.results()) {
            text.append(String.format("  %s %-" + width + "s %3d/%-3d %8s%s%n", result.passed() ? "✓" : "✗",
                    result.check().id(), result.score(), result.check().points(), Wording.seconds(result.time()),
                    result.check().extraCredit() ? "  (" + wording.text("extraCredit") + ")" : ""));
            if (!result.passed()) {
                text.append("      ").append(wording.text("reason")).append(": ").append(firstLine(wording.reason(result.reason()))).append('\n');
                result.hint(wording.language()).ifPresent(hint ->
                        text.append("      ").append(wording.text("hint")).append(": ").append(hint).append('\n'));
            }
        }
        long passed = report.results().stream().filter(CheckResult::passed).count();
        text.append(wording.text("score")).append(": ").append(report.score()).append(" / ").append(report.maxScore())
                .append("  (").append(wording.text("passedCount", passed, report.results().size())).append(")\n");
        text.append(wording.text("timings")).append(": ")
                .append(wording.text("timing.compile")).append(' ').append(Wording.seconds(report.timings().compile())).append(" · ")
                .append(wording.text("timing.jvm")).append(' ').append(Wording.seconds(report.timings().jvmStart())).append(" · ")
                .append(wording.text("timing.checks")).append(' ').append(Wording.seconds(report.timings().checks())).append(" · ")
                .append(wording.text("timing.total")).append(' ').append(Wording.seconds(report.timings().total())).append('\n');
        text.append(wording.text("reportsIn", reportsIn)).append('\n');
        return text.toString();
    }

    private static String firstLine(String reason) {
        String line = reason.lines().findFirst().orElse("");
        return line.length() <= REASON_WIDTH ? line : line.substring(0, REASON_WIDTH - 1) + "…";
    }
}
