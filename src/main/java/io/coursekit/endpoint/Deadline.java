package io.coursekit.endpoint;

import java.time.Duration;

/** The end of an endpoint run or of one check: no network step may wait past it. */
final class Deadline {
    private static final Duration SHORTEST_STEP = Duration.ofMillis(1);

    private final long endsAt;

    private Deadline(long endsAt) {
        this.endsAt = endsAt;
    }

    static Deadline in(Duration length) {
        return new Deadline(System.nanoTime() + length.toNanos());
    }

    /** The earlier of this deadline and {@code length} from now. */
    Deadline within(Duration length) {
        return new Deadline(Math.min(endsAt, System.nanoTime() + length.toNanos()));
    }

    boolean passed() {
        return System.nanoTime() >= endsAt;
    }

    /** {@code step}, shortened so that it ends by the deadline. */
    Duration cap(Duration step) {
        Duration left = Duration.ofNanos(endsAt - System.nanoTime());
        return left.compareTo(step) < 0 ? (left.compareTo(SHORTEST_STEP) < 0 ? SHORTEST_STEP : left) : step;
    }
}
