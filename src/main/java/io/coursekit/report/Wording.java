package io.coursekit.report;

import io.coursekit.UserError;
import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;
import io.coursekit.grader.Intake;
import io.coursekit.grader.Reason;
import io.coursekit.grader.SourceNote;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/** The texts of reports in one language, Korean or English: the fixed ones, and every reason and note the grader gives. */
public final class Wording {
    private final String language;
    private final ResourceBundle texts;

    private Wording(String language) {
        this.language = language;
        this.texts = ResourceBundle.getBundle("io.coursekit.report.wording", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @param language {@code ko} or {@code en} */
    public static Wording of(String language) {
        if (!language.equals("ko") && !language.equals("en")) {
            throw new UserError("language '" + language + "': reports are written in ko or en");
        }
        return new Wording(language);
    }

    public String language() {
        return language;
    }

    String text(String key, Object... values) {
        String text = texts.getString(key);
        return values.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(values);
    }

    /** {@code reason} in this language; a reason inside it is worded too. */
    /** Why a grading says nothing about its submission, when one of its checks failed for the grader's own trouble. */
    public Optional<String> graderFailed(GradeReport report) {
        return report.results().stream().map(CheckResult::reason).filter(Reason.GraderTrouble.class::isInstance)
                .map(Reason.GraderTrouble.class::cast).findFirst().map(trouble -> text("graderFailed", trouble.what()));
    }

    public String reason(Reason reason) {
        Object[] values = reason.arguments().stream()
                .map(value -> value instanceof Reason inner ? reason(inner) : String.valueOf(value)).toArray();
        return new MessageFormat(texts.getString("reason." + reason.kind()), Locale.ROOT).format(values);
    }

    String note(SourceNote note) {
        return new MessageFormat(texts.getString(note.key()), Locale.ROOT).format(note.arguments().toArray());
    }

    /** What a student reads about the whole submission: its files' notes, why it was not graded, the compiler's errors. */
    public String intake(GradeReport report) {
        Intake intake = report.intake();
        StringBuilder text = new StringBuilder();
        intake.notes().forEach(note -> text.append(note(note)).append('\n'));
        if (intake.problem() != null && !(intake.problem() instanceof Reason.DoesNotCompile)) {
            text.append(reason(intake.problem())).append('\n');
        }
        if (!intake.detail().isEmpty()) {
            text.append(text("doesNotCompile")).append('\n').append(intake.detail());
        }
        return text.toString();
    }

    /** What a student reads about one check: why it failed, the hint, what was measured and what the submission printed. */
    String feedback(CheckResult result) {
        StringBuilder text = new StringBuilder();
        if (!result.passed()) {
            text.append(text("reason")).append(": ").append(reason(result.reason())).append('\n');
            result.hint(language).ifPresent(hint -> text.append(text("hint")).append(": ").append(hint).append('\n'));
        }
        result.notes().forEach(note -> text.append(text("measured")).append(": ").append(note).append('\n'));
        if (!result.output().isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append("--- ").append(text("output")).append(" ---\n")
                    .append(result.output().strip()).append('\n');
        }
        return text.toString();
    }

    static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.2f s", time.toNanos() / 1e9);
    }
}
