package io.coursekit.report;

import io.coursekit.UserError;
import io.coursekit.grader.CheckResult;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/** The fixed texts of reports in one language, Korean or English. */
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

    /** Why {@code result} failed, the grader's own words in this language. */
    String reason(CheckResult result) {
        return GraderReasons.in(language, result.reason());
    }

    /** What a student reads about one check: why it failed, the hint, and what the submission printed. */
    String feedback(CheckResult result) {
        StringBuilder text = new StringBuilder();
        if (!result.passed()) {
            text.append(text("reason")).append(": ").append(reason(result)).append('\n');
            result.hint(language).ifPresent(hint -> text.append(text("hint")).append(": ").append(hint).append('\n'));
        }
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
