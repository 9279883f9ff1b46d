package io.coursekit.cli;

import io.coursekit.report.Wording;
import picocli.CommandLine.Option;

/** The language students and instructors read the reports in. */
final class ReportLanguage {

    @Option(names = "--lang", paramLabel = "ko|en", defaultValue = "ko",
            description = "Language of the reports, summaries and terminal output (default: ${DEFAULT-VALUE}).")
    String language;

    Wording wording() {
        return Wording.of(language);
    }
}
