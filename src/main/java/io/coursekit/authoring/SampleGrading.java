package io.coursekit.authoring;

import io.coursekit.batch.ClassGrading;
import io.coursekit.batch.GradebookFolder;
import io.coursekit.batch.Progress;
import io.coursekit.batch.Roster;
import io.coursekit.batch.StudentId;
import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;
import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;
import io.coursekit.report.ClassReport;
import io.coursekit.report.Gradebook;
import io.coursekit.report.StudentGrade;
import io.coursekit.report.Wording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The reference and every sample graded as one class by {@code batch}'s own workers, sandboxed, and each held to
 * what the pack says it scores: full marks for the reference, {@code samples/expected.yaml} for the samples.
 */
final class SampleGrading {
    /** The reference is graded as this student; a sample of that name is refused by {@link PackReview}. */
    static final String REFERENCE = "reference";
    private static final Wording ENGLISH = Wording.of("en");

    private SampleGrading() {
    }

    /** @param out where the class's reports and gradebook are written, as {@code batch --out} writes them */
    static List<PackProblem> problems(Lab lab, List<SampleExpectation> samples, PackReview.Grading grading, Path out) {
        List<Roster.Entry> entries = new ArrayList<>();
        entries.add(entry(lab.referenceDir(), REFERENCE));
        samples.forEach(sample -> entries.add(entry(lab.samplesDir().resolve(sample.name()), sample.name())));
        Map<String, GradeReport> reports = new ConcurrentHashMap<>();
        Progress progress = new Progress(grading.progress(), false, entries.size());
        List<StudentGrade> rows = new ClassGrading(lab, grading.launcher(), grading.redis(), grading.labs(),
                grading.sandbox(), ENGLISH, new GradebookFolder(out))
                .reportingTo(report -> reports.put(report.submission(), report))
                .grade(entries, grading.jobs(), Map.of(), progress);
        ClassReport.write(rows, Gradebook.Format.DEFAULT, ENGLISH, out);

        List<PackProblem> problems = new ArrayList<>();
        GradeReport reference = reports.get(REFERENCE);
        int allPoints = lab.checks().stream().mapToInt(Check::points).sum();
        if (reference.score() != allPoints) {
            problems.add(new PackProblem(lab.referenceDir(), 0, "the reference scores " + reference.score() + " of "
                    + allPoints + " (extra credit included): " + failures(reference)));
        }
        Path expected = lab.samplesDir().resolve("expected.yaml");
        for (SampleExpectation sample : samples) {
            GradeReport report = reports.get(sample.name());
            List<String> failing = report.failed().stream().map(r -> r.check().id()).toList();
            if (report.score() != sample.score() || !failing.containsAll(sample.failing())
                    || !sample.failing().containsAll(failing)) {
                problems.add(new PackProblem(expected, sample.line(), "sample '" + sample.name() + "' scores "
                        + report.score() + ", failing " + failing + ", not " + sample.score() + " failing "
                        + sample.failing() + (failing.isEmpty() ? "" : ": " + failures(report))));
            }
            sample.reasons().forEach((id, start) -> reason(report, id).filter(r -> !r.startsWith(start)).ifPresent(r ->
                    problems.add(new PackProblem(expected, sample.line(), "sample '" + sample.name() + "': check '" + id
                            + "' fails with \"" + r + "\", which does not start with \"" + start + "\""))));
        }
        return problems;
    }

    private static Roster.Entry entry(Path source, String name) {
        return new Roster.Entry(source, new StudentId(name, name, "", "as-is"));
    }

    private static Optional<String> reason(GradeReport report, String check) {
        return report.results().stream().filter(r -> r.check().id().equals(check) && !r.passed()).findFirst()
                .map(r -> ENGLISH.reason(r.reason()));
    }

    private static String failures(GradeReport report) {
        return report.failed().stream().map(SampleGrading::failure).collect(Collectors.joining("; "));
    }

    private static String failure(CheckResult result) {
        return result.check().id() + " (" + ENGLISH.reason(result.reason()).lines().findFirst().orElse("") + ")";
    }
}
