package io.coursekit.grader;

import java.time.Duration;

/**
 * How one check went for one submission.
 *
 * @param reason why it failed, empty when it passed
 * @param output what the submission printed during the check, cut at the lab's limit
 */
public record CheckResult(Check check, boolean passed, String reason, String output, Duration time) {

    public static CheckResult passed(Check check, String output, Duration time) {
        return new CheckResult(check, true, "", output, time);
    }

    public static CheckResult failed(Check check, String reason, String output, Duration time) {
        return new CheckResult(check, false, reason, output, time);
    }

    /** A check that never ran, for example because the submission did not compile. */
    public static CheckResult notRun(Check check, String reason) {
        return failed(check, reason, "", Duration.ZERO);
    }

    public int score() {
        return passed ? check.points() : 0;
    }
}
