package io.coursekit.endpoint;

import io.coursekit.lab.EndpointRubric;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code latency}: p50 and p99 of {@value #PINGS} PING round trips; the points need p99 within the lab's bound. */
final class Latency implements EndpointCheck {
    private static final int PINGS = 200;

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        List<Duration> times = new ArrayList<>(PINGS);
        while (times.size() < PINGS && !session.deadline().passed()) {
            session.boundNextSteps();
            times.add(session.timedPing());
        }
        times.sort(null);
        String seen = "p50 " + millis(percentile(times, 50)) + ", p99 " + millis(percentile(times, 99))
                + " over " + times.size() + " PINGs";
        if (times.size() < PINGS) {
            return Finding.fail("only " + times.size() + " of " + PINGS + " PINGs fit in the check's time limit ("
                    + seen + ")");
        }
        Duration p99 = percentile(times, 99);
        return p99.compareTo(rubric.latencyP99()) <= 0 ? Finding.pass(seen)
                : Finding.fail(seen + ": p99 is above this lab's " + millis(rubric.latencyP99())
                        + " (is the grader far from the endpoint's region, or is the node overloaded?)");
    }

    /** Nearest-rank percentile of sorted times; zero when there are none. */
    private static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static String millis(Duration time) {
        return String.format(Locale.ROOT, "%.2f ms", time.toNanos() / 1e6);
    }
}
