package io.coursekit.grader;

import io.coursekit.lab.Check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one check went for one submission.
 *
 * @param ran    false when the check never ran (the submission did not compile, the endpoint did not answer)
 * @param reason why it failed; null when it passed
 * @param output what the submission printed during the check, cut at the lab's limit
 * @param notes  what the check measured, shown whether it passed or not
 */
public record CheckResult(Check check, boolean passed, boolean ran, Reason reason, String output, Duration time,
                          List<String> notes) {

    public CheckResult {
        notes = List.copyOf(notes);
    }

    public static CheckResult passed(Check check, String output, Duration time) {
        return new CheckResult(check, true, true, null, output, time, List.of());
    }

    public static CheckResult failed(Check check, Reason reason, String output, Duration time) {
        return new CheckResult(check, false, true, reason, output, time, List.of());
    }

    /** A check that never ran, for example because the submission did not compile. */
    public static CheckResult notRun(Check check, Reason reason) {
        return new CheckResult(check, false, false, reason, "", Duration.ZERO, List.of());
    }

    /** The check's hint in {@code language} when it failed after running; a check that never ran says nothing of the code. */
    public Optional<String> hint(String language) {
        return passed || !ran ? Optional.empty() : Optional.of(check.hint().in(language));
    }

    public int score() {
        return passed ? check.points() : 0;
    }
}
