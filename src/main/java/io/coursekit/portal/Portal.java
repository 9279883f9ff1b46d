package io.coursekit.portal;

import io.coursekit.grader.Sandbox;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import io.coursekit.redis.RunningRedis;
import io.coursekit.report.StudentGrade;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running portal: the store, the queue (a Redis it starts itself unless given one), the thread that stores what
 * workers report, the workers it runs itself, and the web server. On start it queues again every submission that is
 * still waiting, so a portal killed in the middle of grading loses nothing.
 */
public final class Portal implements AutoCloseable {
    private static final Duration REQUEUE_EVERY = Duration.ofSeconds(30);
    private static final Duration EVENT_WAIT = Duration.ofSeconds(1);

    /**
     * How to run a portal.
     *
     * @param queue      the queue's Redis; empty: start one (redis-server on PATH, else the embedded binary)
     * @param workers    workers this process runs itself, each grading with a Redis of its own from {@code gradingRedis}
     * @param publicUrl  the address students reach, for sign-in links; empty: http://localhost:PORT
     * @param claimAfter how long a silent worker keeps its job before another worker claims it
     */
    public record Settings(LabRubric lab, Path labsDir, Path dataDir, List<Student> roster, PortalRules rules,
                           String language, Optional<String> queue, int workers, RedisMode gradingRedis, Sandbox sandbox,
                           Map<String, String> env, String host, int port, Optional<URI> publicUrl,
                           Duration claimAfter, PrintStream log, Clock clock) {
    }

    private final Settings settings;
    private final PortalStore store;
    private final SubmissionFiles files;
    private final ClassGradebook gradebook;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private SubmissionQueue queue;
    private String events;
    private String queueUri;
    private SubmissionDesk desk;
    private PortalServer server;
    private List<PortalStore.Account> accounts = List.of();
    private String adminToken;

    private Portal(Settings settings, PortalStore store) {
        this.settings = settings;
        this.store = store;
        this.files = new SubmissionFiles(settings.dataDir());
        this.gradebook = new ClassGradebook(store, settings.lab(), settings.rules());
    }

    /** Starts every part; a part that cannot start stops those started before it. */
    public static Portal start(Settings settings) {
        PortalStore store = PortalStore.open(settings.dataDir());
        Portal portal = new Portal(settings, store);
        try {
            portal.startParts();
            return portal;
        } catch (RuntimeException e) {
            portal.close();
            throw e;
        }
    }

    private void startParts() {
        store.claimLab(settings.lab().id());
        accounts = store.enrol(settings.roster());
        adminToken = store.adminToken();
        Map<String, String> env = new HashMap<>(settings.env());
        if (settings.queue().isPresent()) {
            queueUri = settings.queue().get();
            if (settings.workers() > 0) {
                Worker.requireOwnRedis(settings.gradingRedis(), queueUri);
            }
        } else {
            // REDIS_URL names a Redis to grade with, which every check empties: never the queue
            env.remove("REDIS_URL");
            RunningRedis own = new RedisLauncher(env).start(new RedisMode.Auto());
            running.add(own);
            queueUri = own.uri().toString();
        }
        queue = SubmissionQueue.connect(queueUri);
        running.add(queue);
        events = "coursekit:grading:events:" + store.portalId();
        desk = new SubmissionDesk(store, files, settings.rules(), this::queue, settings.clock());
        SubmissionQueue inbox = SubmissionQueue.connect(queueUri);
        running.add(inbox);
        spawn("portal-inbox", () -> listen(inbox));
        for (int i = 0; i < settings.workers(); i++) {
            Worker worker = localWorker(i);
            running.add(worker);
            spawn(worker.name(), worker);
        }
        server = PortalServer.start(this, settings.host(), settings.port());
        running.add(server);
    }

    private Worker localWorker(int index) {
        SubmissionGrading grading = new SubmissionGrading(settings.labsDir(), new RedisLauncher(settings.env()),
                settings.gradingRedis(), settings.sandbox());
        return new Worker(SubmissionQueue.connect(queueUri), grading, "portal-worker-" + (index + 1),
                settings.claimAfter(), settings.log());
    }

    /** Stores each event workers send; after draining those left unacknowledged, queues what still waits, and again every so often. */
    private void listen(SubmissionQueue inbox) {
        long nextRequeue = 0;
        boolean pendingFirst = true;
        while (stopping.getCount() > 0) {
            try {
                List<GradingEvent> batch = inbox.events(events, pendingFirst, EVENT_WAIT);
                for (GradingEvent event : batch) {
                    store(event);
                    inbox.acknowledge(events, event);
                }
                if (pendingFirst && batch.isEmpty()) {
                    pendingFirst = false;
                }
                if (!pendingFirst && System.nanoTime() >= nextRequeue) {
                    requeueWaiting();
                    nextRequeue = System.nanoTime() + REQUEUE_EVERY.toNanos();
                }
            } catch (RuntimeException e) {
                if (stopping.getCount() == 0) {
                    return;
                }
                settings.log().println("portal: the queue failed (" + e.getMessage() + "); trying again in a second");
                pause();
            }
        }
    }

    /** Stores an event; one the portal cannot store fails its submission instead of blocking every event after it. */
    private void store(GradingEvent event) {
        try {
            apply(event);
        } catch (RuntimeException e) {
            settings.log().println("portal: cannot store what " + event.worker() + " said of " + event.submission()
                    + " (" + e.getMessage() + ")");
            store.failed(event.submission(), event.attempt(), "the portal could not store its result: " + e.getMessage(),
                    event.worker(), settings.clock().instant());
        }
    }

    private void apply(GradingEvent event) {
        switch (event.status()) {
            case COMPILING, CHECKING -> store.progress(event.submission(), event.attempt(), event.status(), event.worker());
            case GRADED -> {
                StudentGrade row = StudentGrade.fromJsonLine(event.row(), "the queue's event " + event.entry());
                List<String> views = files.writeReports(event.submission(), event.attempt(), event.reports());
                store.graded(event.submission(), event.attempt(), row, views, event.worker(), settings.clock().instant());
            }
            case FAILED -> store.failed(event.submission(), event.attempt(), event.problem(), event.worker(),
                    settings.clock().instant());
            default -> { }
        }
    }

    /** Queues every submission still waiting whose job the queue does not know (a queue Redis that restarted empty). */
    private void requeueWaiting() {
        int queued = 0;
        for (StoredSubmission waiting : store.unfinished()) {
            if (queue.enqueue(job(waiting), events)) {
                queued++;
            }
        }
        if (queued > 0) {
            settings.log().println("portal: queued " + queued + " waiting submission(s) again");
        }
    }

    private void queue(StoredSubmission submission) {
        try {
            queue.enqueue(job(submission), events);
        } catch (RuntimeException e) {
            // stored already: the inbox queues it again once the queue answers
            settings.log().println("portal: could not queue " + submission.id() + " (" + e.getMessage() + ")");
        }
    }

    private GradingJob job(StoredSubmission submission) {
        return submission.job(settings.lab().id(), settings.language(), files.sources(submission.id()));
    }

    /** Grades every submission again, as a new attempt of each. */
    public int regradeAll() {
        List<StoredSubmission> again = store.regradeAll();
        again.forEach(this::queue);
        return again.size();
    }

    private void spawn(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Waits until the portal is closed (Ctrl-C, a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        stopping.await();
    }

    public Settings settings() {
        return settings;
    }

    PortalStore store() {
        return store;
    }

    SubmissionFiles files() {
        return files;
    }

    SubmissionDesk desk() {
        return desk;
    }

    ClassGradebook gradebook() {
        return gradebook;
    }

    /** The port the web server listens on (the one asked for, or the one it found when asked for 0). */
    public int port() {
        return server.port();
    }

    public String queueUri() {
        return queueUri;
    }

    /** Where students and the instructor reach the portal. */
    public URI url() {
        return settings.publicUrl().orElse(URI.create("http://localhost:" + port()));
    }

    /** The class as enrolled at start, with each student's token. */
    public List<PortalStore.Account> accounts() {
        return accounts;
    }

    public String adminToken() {
        return adminToken;
    }

    @Override
    public void close() {
        stopping.countDown();
        running.stream().filter(part -> part instanceof Worker).forEach(part -> ((Worker) part).stop());
        // a worker in the middle of a check is not waited for: its job goes to another worker
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<AutoCloseable> parts = new ArrayList<>(running);
        Collections.reverse(parts);
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                settings.log().println("portal: stopping " + part + " failed: " + e.getMessage());
            }
        }
        store.close();
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The link that signs a student in. */
    public static URI signInLink(URI base, String token) {
        return base.resolve("/signin?token=" + token);
    }
}
