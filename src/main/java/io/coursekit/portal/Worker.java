package io.coursekit.portal;

import io.coursekit.UserError;
import io.coursekit.redis.RedisMode;
import io.coursekit.report.StudentGrade;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Grades jobs from the queue one after another with its own grading (its own Redis and warm check JVM) until
 * stopped. While it grades, it renews its claim on the job, so only a worker that died loses its job to another.
 */
public final class Worker implements Runnable, AutoCloseable {
    private static final Duration WAIT_FOR_JOB = Duration.ofSeconds(2);

    private final SubmissionQueue queue;
    private final SubmissionGrading grading;
    private final String name;
    private final Duration claimAfter;
    private final PrintStream log;
    private final ScheduledExecutorService claims;
    private volatile boolean stopped;
    private volatile boolean abandoned;

    /**
     * @param claimAfter how long a job's worker may stay silent before another worker claims the job; this worker
     *                   renews its claims three times as often
     */
    public Worker(SubmissionQueue queue, SubmissionGrading grading, String name, Duration claimAfter, PrintStream log) {
        this.queue = queue;
        this.grading = grading;
        this.name = name;
        this.claimAfter = claimAfter;
        this.log = log;
        this.claims = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-claims");
            thread.setDaemon(true);
            return thread;
        });
    }

    public String name() {
        return name;
    }

    /** The queue's Redis, for the terminal. */
    public String queueWhere() {
        return queue.where();
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                queue.next(name, claimAfter, WAIT_FOR_JOB).ifPresent(this::grade);
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                log.println(name + ": the queue failed (" + e.getMessage() + "); trying again in a second");
                pause();
            }
        }
    }

    /** Takes no new job; the one being graded is finished. */
    public void stop() {
        stopped = true;
    }

    /**
     * Stops at once: a result not yet handed in is dropped, and its job goes to another worker once this one has been
     * silent for claimAfter. A process that is shutting down stops its graders' Redis at the same time, so what it
     * would hand in could be wrong.
     */
    @Override
    public void close() {
        abandoned = true;
        stop();
        claims.shutdownNow();
        try (grading) {
            queue.close();
        }
    }

    private void grade(SubmissionQueue.Delivery delivery) {
        GradingJob job = delivery.job();
        if (delivery.deliveries() > SubmissionQueue.MOST_DELIVERIES) {
            finish(delivery, SubmissionStatus.FAILED, Map.of("problem", bytes("a worker stopped each of the "
                    + SubmissionQueue.MOST_DELIVERIES + " times it graded this submission")));
            return;
        }
        long interval = Math.max(100, claimAfter.toMillis() / 3);
        ScheduledFuture<?> renewing = claims.scheduleAtFixedRate(() -> renew(delivery), interval, interval,
                TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        Path work = null;
        try {
            work = TemporaryFolder.create("coursekit-worker-");
            Path zip = Files.write(work.resolve(job.name() + ".zip"), job.sources());
            Path reports = Files.createDirectory(work.resolve("reports"));
            StudentGrade row = grading.grade(job, zip, reports, stage -> queue.progress(delivery, stage, name));
            boolean recorded = finish(delivery, SubmissionStatus.GRADED,
                    Map.of("row", bytes(row.jsonLine()), "reports", ReportBundle.zip(reports)));
            log.printf(Locale.ROOT, "%s: graded %s (%s): %d/%d in %.1f s%s%n", name, job.name(), job.id(), row.score(),
                    row.maxScore(), (System.nanoTime() - started) / 1e9, recorded ? "" : ", not handed in: graded by another worker already, or stopping");
        } catch (UserError e) {
            finish(delivery, SubmissionStatus.FAILED, Map.of("problem", bytes(e.getMessage())));
            log.println(name + ": could not grade " + job.name() + " (" + job.id() + "): " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // left unacknowledged: another delivery tries again, and the third marks it failed
            log.println(name + ": grading " + job.name() + " (" + job.id() + ") broke: " + e);
        } finally {
            renewing.cancel(false);
            TemporaryFolder.delete(work);
        }
    }

    private boolean finish(SubmissionQueue.Delivery delivery, SubmissionStatus status, Map<String, byte[]> result) {
        return !abandoned && queue.finish(delivery, status, name, result);
    }

    private void renew(SubmissionQueue.Delivery delivery) {
        try {
            queue.keepClaim(name, delivery);
        } catch (RuntimeException e) {
            // the next renewal tries again; the job is only lost to another worker after claimAfter
        }
    }

    /** Refuses to grade with the queue's own Redis: every check empties the Redis it grades with. */
    public static void requireOwnRedis(RedisMode grading, String queue) {
        URI queued = URI.create(queue);
        if (grading instanceof RedisMode.Uri given && given.uri().getHost() != null
                && given.uri().getHost().equals(queued.getHost()) && port(given.uri()) == port(queued)) {
            throw new UserError("--redis uri:" + given.uri() + " is the queue's Redis, and every check empties the Redis "
                    + "it grades with: grade with another Redis, or --redis auto");
        }
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 6379 : uri.getPort();
    }

    /** A name for this process's workers: the host (a pod's name on Kubernetes) and the process id. */
    public static String processName() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "worker";
            }
        });
        return host + "-" + ProcessHandle.current().pid();
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
