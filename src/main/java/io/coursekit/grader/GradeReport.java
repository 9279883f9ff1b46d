package io.coursekit.grader;

import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;

import java.util.List;

/**
 * One submission, graded: a result for every check of the lab, in rubric order.
 *
 * @param submission the submission's name (its folder or zip name)
 * @param intake     how it was read and compiled, or why not
 * @param sandbox    what student code ran in: {@code bubblewrap}, or {@code none} when this machine has no sandbox
 */
public record GradeReport(Lab lab, String submission, List<CheckResult> results, Intake intake, String sandbox,
                          Timings timings) {

    public GradeReport {
        results = List.copyOf(results);
    }

    /** Every check not run for the same reason, such as a refused zip. */
    public static GradeReport notRun(Lab lab, String submission, List<Check> checks, Intake intake, Reason why,
                                     String sandbox) {
        return new GradeReport(lab, submission, checks.stream().map(c -> CheckResult.notRun(c, why)).toList(), intake,
                sandbox, Timings.NONE);
    }

    /** Points earned, extra credit included, so it can exceed {@link #maxScore()}. */
    public int score() {
        return results.stream().mapToInt(CheckResult::score).sum();
    }

    /** The most this report's checks can score without extra credit; an endpoint report has the endpoint's checks. */
    public int maxScore() {
        return results.stream().map(CheckResult::check).filter(c -> !c.extraCredit()).mapToInt(Check::points).sum();
    }

    public List<CheckResult> failed() {
        return results.stream().filter(r -> !r.passed()).toList();
    }
}
