package io.coursekit.lab.check;

import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Assertions that tell the student what was observed: each failure is the sentence the report shows under the
 * check, next to the check's hint from lab.yaml. Calls on the student's objects go through {@link #call}, so what
 * the student's code threw reads as the call that threw it, and through {@link #within} when they may hang.
 */
public final class Expect {
    private static final Duration POLL = Duration.ofMillis(5);

    private Expect() {
    }

    /** Fails the check with {@code observed} (say what happened and what was expected) unless {@code holds}. */
    public static void that(boolean holds, Supplier<String> observed) {
        if (!holds) {
            throw new AssertionFailedError(observed.get());
        }
    }

    /**
     * Calls the student's code: {@code description} names the call as the student wrote it ({@code "flush()"}), so
     * that a {@link StudentThrew} fails the check with "flush() threw java.lang.IllegalStateException: ... (at
     * File.java:12)". A {@link StudentGone} passes through: the judge words it.
     */
    public static <T> T call(String description, Supplier<T> call) {
        try {
            return call.get();
        } catch (StudentThrew thrown) {
            throw new AssertionFailedError(description + " threw " + thrown.getMessage());
        }
    }

    /** {@link #call} of a method that returns nothing. */
    public static void run(String description, Runnable call) {
        call(description, () -> {
            call.run();
            return null;
        });
    }

    /**
     * The result of {@code call}, run on a thread of its own, or a failure "{@code description} did not return within
     * 2 s" when it takes longer than {@code limit}; the late call is interrupted and left behind. What it throws fails
     * the check as {@link #call} words it.
     */
    public static <T> T within(Duration limit, String description, Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "student-call");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new AssertionFailedError(description + " did not return within " + seconds(limit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError(description + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StudentThrew thrown) {
                throw new AssertionFailedError(description + " threw " + thrown.getMessage());
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException exception) {
                throw exception;
            }
            throw new AssertionFailedError(description + " threw " + cause, cause);
        }
    }

    /**
     * Waits until {@code condition} holds, looking every 5 ms, for at most {@code limit}; then fails with
     * {@code observed}. Returns how long it took, for {@link Notes}.
     */
    public static Duration eventually(Duration limit, BooleanSupplier condition, Supplier<String> observed) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError(observed.get());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting: " + observed.get());
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
