package io.coursekit.lab.check;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Timing student code so that a score does not depend on machine load: each timed call is paired with a bare
 * {@link AppServer#roundTrip()} measured right before it, and the median call is judged by what it costs above the
 * median round trip. A result near the limit is measured again before it fails. The round trip counts for at most
 * {@link #MOST_OVERHEAD}, so no slowness of the path can excuse a call that does slow work.
 */
public final class Timing {
    /** A bare round trip never excuses more than this. */
    public static final Duration MOST_OVERHEAD = Duration.ofMillis(20);
    private static final int ATTEMPTS = 3;
    private static final int WARM_UP_CALLS = 20;

    private Timing() {
    }

    /**
     * How the median of {@code calls} measured calls compared with {@code limit}.
     *
     * @param overMillis the median call above the median round trip, in milliseconds
     */
    public record Verdict(boolean within, double medianMillis, double roundTripMillis, double overMillis,
                          int measured, int attempts) {

        /** The numbers, for {@link Notes}: "median 0.42 ms, bare round trip 0.18 ms, 100 calls, 1 attempt". */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "median %.2f ms, bare round trip %.2f ms, %d calls, %d attempt%s",
                    medianMillis, roundTripMillis, measured, attempts, attempts == 1 ? "" : "s");
        }
    }

    /**
     * Times {@code calls} calls of {@code call} on {@code server}, after a few unmeasured ones. {@code call} checks what
     * it got back and throws when it is wrong: a timing check must verify what it times.
     */
    public static Verdict medianAtMost(AppServer server, Duration limit, int calls, Supplier<?> call) {
        // a JVM started for this check (its last one exited or ran out) runs its first calls cold: not yet the code's speed
        for (int i = 0; i < Math.min(WARM_UP_CALLS, calls); i++) {
            call.get();
        }
        Verdict verdict = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            verdict = measure(server, limit, calls, call, attempt);
            // a clearly slow call (four times the limit above the path) on a machine whose bare round trips are quick
            // is not load: no need to measure again. Under load the student's own Redis calls may time out and fall
            // back to the database, which looks just as slow, so a slow path always measures again.
            boolean quickPath = verdict.roundTripMillis() < millis(limit);
            if (verdict.within() || (quickPath && verdict.overMillis() > 4 * millis(limit))) {
                return verdict;
            }
        }
        return verdict;
    }

    private static Verdict measure(AppServer server, Duration limit, int calls, Supplier<?> call, int attempt) {
        long[] timed = new long[calls];
        long[] bare = new long[calls];
        long most = MOST_OVERHEAD.toNanos();
        int slow = 0;
        int done = 0;
        // once more than half the calls are slow even by their own round trip, the median is too: stop early
        while (done < calls && slow <= calls / 2) {
            bare[done] = server.roundTrip().toNanos();
            long start = System.nanoTime();
            call.get();
            timed[done] = System.nanoTime() - start;
            slow += timed[done] - Math.min(bare[done], most) > limit.toNanos() ? 1 : 0;
            done++;
        }
        double median = median(Arrays.copyOf(timed, done));
        double path = Math.min(median(Arrays.copyOf(bare, done)), most);
        double over = median - path;
        boolean within = done == calls && over <= limit.toNanos();
        return new Verdict(within, median / 1e6, path / 1e6, over / 1e6, done, attempt);
    }

    private static double median(long[] nanos) {
        Arrays.sort(nanos);
        int n = nanos.length;
        return n == 0 ? 0 : n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + nanos[n / 2]) / 2.0;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
