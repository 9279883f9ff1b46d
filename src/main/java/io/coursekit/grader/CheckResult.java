package io.coursekit.grader;

import io.coursekit.lab.Check;

import java.time.Duration;
import java.util.Optional;

/**
 * How one check went for one submission.
 *
 * @param ran    false when the check never ran (the submission did not compile, the endpoint did not answer)
 * @param reason why it failed, empty when it passed
 * @param output what the submission printed during the check, cut at the lab's limit
 */
public record CheckResult(Check check, boolean passed, boolean ran, String reason, String output, Duration time) {

    public static CheckResult passed(Check check, String output, Duration time) {
        return new CheckResult(check, true, true, "", output, time);
    }

    public static CheckResult failed(Check check, String reason, String output, Duration time) {
        return new CheckResult(check, false, true, reason, output, time);
    }

    /** A check that never ran, for example because the submission did not compile. */
    public static CheckResult notRun(Check check, String reason) {
        return new CheckResult(check, false, false, reason, "", Duration.ZERO);
    }

    /** The check's hint in {@code language} when it failed after running; a check that never ran says nothing of the code. */
    public Optional<String> hint(String language) {
        return passed || !ran ? Optional.empty() : Optional.of(check.hint().in(language));
    }

    public int score() {
        return passed ? check.points() : 0;
    }
}
