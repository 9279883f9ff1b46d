package io.coursekit.grader;

import java.time.Duration;

/**
 * Where the time of one grading went.
 *
 * @param jvmStart from launching each check JVM until it was ready, summed over restarts
 * @param checks   running the checks, including waiting for ones that timed out
 */
public record Timings(Duration compile, Duration jvmStart, Duration checks, Duration total) {
    public static final Timings NONE = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
}
