package io.coursekit.report;

import io.coursekit.UserError;
import io.coursekit.grader.GradeReport;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a graded submission's reports into one folder: results.json, report.html and junit.xml. */
public final class ReportFolder {
    public static final String RESULTS_JSON = "results.json";
    public static final String REPORT_HTML = "report.html";
    public static final String JUNIT_XML = "junit.xml";

    private ReportFolder() {
    }

    public static void write(GradeReport report, Wording wording, Path dir) {
        try {
            ReportFiles.write(dir.resolve(RESULTS_JSON), GradescopeResults.json(report, wording));
            ReportFiles.write(dir.resolve(REPORT_HTML), HtmlReport.html(report, wording));
            ReportFiles.write(dir.resolve(JUNIT_XML), JunitXml.xml(report, wording));
        } catch (IOException e) {
            throw new UserError("cannot write the reports into " + dir + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + JUNIT_XML, e);
        }
    }
}
