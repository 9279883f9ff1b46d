package io.coursekit.portal;

import io.coursekit.report.ClassReport;
import io.coursekit.report.Gradebook;
import io.coursekit.report.StudentGrade;
import io.coursekit.report.Wording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The class as the instructor sees it: each student of the roster with their submissions and the one that counts
 * (full view, late penalty taken), and the same as the gradebook, Canvas CSV and summary page {@code batch} writes.
 */
final class ClassGradebook {
    private final PortalStore store;
    private final LabRubric lab;
    private final PortalRules rules;

    ClassGradebook(PortalStore store, LabRubric lab, PortalRules rules) {
        this.store = store;
        this.lab = lab;
        this.rules = rules;
    }

    /**
     * One student's line of the live class table.
     *
     * @param counted the submission that counts and its score, empty before a first grading
     * @param latest  the newest submission, empty before a first upload
     */
    record Line(Student student, int submissions, boolean anyLate, Optional<SubmissionScore.Counted> counted,
                Optional<StoredSubmission> latest) {
    }

    List<Line> lines() {
        Map<String, List<StoredSubmission>> byStudent = store.submissions().stream()
                .collect(Collectors.groupingBy(StoredSubmission::student));
        List<Line> lines = new ArrayList<>();
        for (Student student : store.students()) {
            List<StoredSubmission> mine = byStudent.getOrDefault(student.id(), List.of());
            lines.add(new Line(student, mine.size(), mine.stream().anyMatch(s -> rules.late(s.received())),
                    SubmissionScore.counted(mine, lab, rules, ReportView.INSTRUCTOR),
                    mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1))));
        }
        return lines;
    }

    /** Writes results.jsonl, gradebook.csv and summary.html of the class, as {@code batch} does, into {@code dir}. */
    void export(Gradebook.Format format, Wording wording, Path dir) {
        ClassReport.write(lines().stream().map(this::row).toList(), format, wording, dir);
    }

    /** A student's gradebook row: the counted submission's, with the late penalty in its score; else zeros and why. */
    private StudentGrade row(Line line) {
        Student student = line.student();
        if (line.counted().isPresent()) {
            SubmissionScore.Counted counted = line.counted().get();
            StudentGrade graded = counted.submission().row().orElseThrow();
            return new StudentGrade(student.id(), graded.submission(), student.lmsUserId(), lab.id(), lab.title(),
                    counted.score().points(), counted.score().max(), graded.checks(), graded.compiled(),
                    graded.seconds(), "", null);
        }
        List<StudentGrade.CheckScore> zeros = lab.checks().stream()
                .map(c -> new StudentGrade.CheckScore(c.id(), c.points(), c.extraCredit(), false, 0)).toList();
        int max = lab.checks().stream().filter(c -> !c.extraCredit()).mapToInt(LabRubric.RubricCheck::points).sum();
        String why = line.latest().map(s -> s.status() == SubmissionStatus.FAILED ? s.problem() : "not graded yet")
                .orElse("no submission");
        return new StudentGrade(student.id(), "", student.lmsUserId(), lab.id(), lab.title(), 0, max, zeros, false, 0,
                why, null);
    }

    /** The submission of {@code student} that counts, for the summary page's links. */
    Optional<StoredSubmission> countedOf(String student) {
        return SubmissionScore.counted(store.submissionsOf(student), lab, rules, ReportView.INSTRUCTOR)
                .map(SubmissionScore.Counted::submission);
    }
}
