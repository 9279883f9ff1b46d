package io.coursekit.endpoint;

import java.time.Duration;

/** The end of a whole endpoint run: no network step may wait past it. */
final class Deadline {
    private static final Duration SHORTEST_STEP = Duration.ofMillis(1);

    private final Duration length;
    private final long endsAt;

    private Deadline(Duration length) {
        this.length = length;
        this.endsAt = System.nanoTime() + length.toNanos();
    }

    static Deadline in(Duration length) {
        return new Deadline(length);
    }

    Duration length() {
        return length;
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
