package io.coursekit.portal;

import io.coursekit.report.StudentGrade;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A graded submission's score as one reader may see it: over the checks their view shows, after the late penalty.
 *
 * @param beforePenalty the points of the shown checks, extra credit included
 * @param hiddenChecks  checks of the lab this view does not show (yet)
 */
public record SubmissionScore(int points, int max, int beforePenalty, boolean late, int hiddenChecks,
                              List<StudentGrade.CheckScore> checks) {

    public SubmissionScore {
        checks = List.copyOf(checks);
    }

    /** The score of {@code submission} in {@code view}, empty while it is not graded. */
    public static Optional<SubmissionScore> of(StoredSubmission submission, LabRubric rubric, PortalRules rules,
                                               ReportView view) {
        if (submission.status() != SubmissionStatus.GRADED || submission.row().isEmpty()) {
            return Optional.empty();
        }
        Map<String, LabRubric.RubricCheck> byId = rubric.checks().stream()
                .collect(Collectors.toMap(LabRubric.RubricCheck::id, Function.identity()));
        List<StudentGrade.CheckScore> shown = submission.row().get().checks().stream()
                .filter(c -> view.shows(Optional.ofNullable(byId.get(c.id())).map(LabRubric.RubricCheck::visibility)
                        .orElse("hidden"))).toList();
        int raw = shown.stream().mapToInt(StudentGrade.CheckScore::score).sum();
        int max = shown.stream().filter(c -> !c.extraCredit()).mapToInt(StudentGrade.CheckScore::points).sum();
        boolean late = rules.late(submission.received());
        return Optional.of(new SubmissionScore(rules.penalized(raw, late), max, raw, late,
                rubric.checks().size() - shown.size(), shown));
    }

    /** What a student's course score is in {@code view}: their last or best graded submission, by the rules. */
    public static Optional<Counted> counted(List<StoredSubmission> submissions, LabRubric rubric, PortalRules rules,
                                            ReportView view) {
        List<Counted> graded = submissions.stream()
                .flatMap(s -> of(s, rubric, rules, view).map(score -> new Counted(s, score)).stream()).toList();
        Comparator<Counted> order = rules.scorePolicy() == ScorePolicy.LAST
                ? Comparator.comparingInt(c -> c.submission().number())
                : Comparator.<Counted>comparingInt(c -> c.score().points()).thenComparingInt(c -> c.submission().number());
        return graded.stream().max(order);
    }

    /** The submission that counts, and its score. */
    public record Counted(StoredSubmission submission, SubmissionScore score) {
    }

    /** The view a reader gets at {@code now}: the instructor sees everything, a student what the due date allows. */
    public static ReportView viewFor(boolean instructor, PortalRules rules, Instant now) {
        return instructor ? ReportView.INSTRUCTOR : rules.pastDue(now) ? ReportView.AFTER_DUE : ReportView.BEFORE_DUE;
    }
}
