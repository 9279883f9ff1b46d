package io.coursekit.cli;

import io.coursekit.UserError;
import io.coursekit.portal.SubmissionGrading;
import io.coursekit.portal.SubmissionQueue;
import io.coursekit.portal.Worker;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grade the portal's submissions: read them from the queue's Redis (a Redis Streams consumer "
                + "group), grade each as 'grade' does with a Redis of this worker's own, and hand the reports back. "
                + "Run as many as you like on as many machines; a worker that dies loses its submission to another "
                + "after --claim-after. Stop it with Ctrl-C or SIGTERM.",
                ""},
        footer = {"", "Examples:",
                "  coursekit worker --queue redis://:secret@10.0.0.5:6379 --labs-dir grader/labs",
                "  coursekit worker --queue redis://127.0.0.1:6390 --jobs 2"})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--queue", required = true, paramLabel = "URI",
            description = "The queue's Redis, as given to 'portal --queue': redis://[:password@]HOST:PORT.")
    String queue;

    @Option(names = "--labs-dir", paramLabel = "DIR", defaultValue = "grader/labs",
            description = "Where this machine's lab packs live; submissions name their lab by id (default: ${DEFAULT-VALUE}).")
    Path labsDir;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Submissions this process grades at once, each with its own Redis (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--claim-after", defaultValue = "30", paramLabel = "SECONDS",
            description = "Take over a submission whose worker has been silent this long (default: ${DEFAULT-VALUE}); "
                    + "give every worker and the portal the same.")
    int claimAfter;

    @Mixin
    RedisOptions redisOption;

    @Mixin
    SandboxOptions sandboxOption;

    @Override
    public Integer call() throws InterruptedException {
        if (jobs < 1 || claimAfter < 1) {
            throw new UserError("--jobs and --claim-after need at least 1");
        }
        RedisMode grading = redisOption.mode();
        Worker.requireOwnRedis(grading, queue);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String process = Worker.processName();
        try {
            for (int i = 0; i < jobs; i++) {
                SubmissionQueue connection = SubmissionQueue.connect(queue);
                SubmissionGrading grader = new SubmissionGrading(labsDir, new RedisLauncher(System.getenv()), grading,
                        sandboxOption.forClass());
                workers.add(new Worker(connection, grader, process + "-" + (i + 1), Duration.ofSeconds(claimAfter),
                        System.out));
            }
        } catch (RuntimeException e) {
            workers.forEach(Worker::close);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> workers.forEach(Worker::close), "stop-workers"));
        for (Worker worker : workers) {
            Thread thread = new Thread(worker, worker.name());
            threads.add(thread);
            thread.start();
        }
        System.out.println("worker " + process + ": " + jobs + " at a time, from " + workers.get(0).queueWhere()
                + ", labs in " + labsDir);
        System.out.flush();
        for (Thread thread : threads) {
            thread.join();
        }
        return 0;
    }
}
