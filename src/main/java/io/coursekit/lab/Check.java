package io.coursekit.lab;

import java.time.Duration;

/**
 * One rubric entry of a lab: the check with this id is worth {@code points}, all or nothing.
 *
 * @param extraCredit points that count towards the score but not towards the maximum
 */
public record Check(String id, int points, boolean extraCredit, Visibility visibility, Duration timeout, Hint hint) {
}
