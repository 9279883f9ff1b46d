package io.coursekit.grader;

import io.coursekit.lab.Lab;
import io.coursekit.lab.Check;

import java.util.List;

/**
 * One submission, graded: a result for every check of the lab, in rubric order.
 *
 * @param submission the submission's name (its folder or zip name)
 * @param output     text about the whole submission, such as the compiler's errors; empty when there is none
 */
public record GradeReport(Lab lab, String submission, List<CheckResult> results, String output, Timings timings) {

    public GradeReport {
        results = List.copyOf(results);
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
