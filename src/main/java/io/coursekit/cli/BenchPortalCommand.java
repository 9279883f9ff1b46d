package io.coursekit.cli;

import io.coursekit.grader.Sandbox;
import io.coursekit.UserError;
import io.coursekit.lab.Lab;
import io.coursekit.portal.LabRubric;
import io.coursekit.portal.Portal;
import io.coursekit.portal.PortalLoad;
import io.coursekit.portal.PortalRules;
import io.coursekit.portal.PortalStore;
import io.coursekit.portal.ScorePolicy;
import io.coursekit.portal.Student;
import io.coursekit.portal.SubmissionGrading;
import io.coursekit.redis.RedisLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "portal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load the submission portal as a class handing in at once: start a portal with its own queue and "
                + "--workers workers, send --submissions uploads from --students students through the API (copies of "
                + "the lab's reference and samples, in turn, each made unique), follow every one until it is graded, "
                + "and report how many were graded, lost or refused, the throughput and the time from upload to score "
                + "(p50, p95, max). The baseline, in the same run, is 'batch --jobs' with as many workers grading the "
                + "same submissions from a folder, with no web server or queue.",
                ""},
        footer = {"", "Example:", "  coursekit bench portal --lab cache-aside --submissions 100 --students 30 --workers 2"})
final class BenchPortalCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Mixin
    RedisOptions redisOption;

    @Mixin
    SandboxOptions sandboxOption;

    @Option(names = "--submissions", paramLabel = "N", defaultValue = "100", description = "Uploads (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--students", paramLabel = "N", defaultValue = "30", description = "Students they come from (default: ${DEFAULT-VALUE}).")
    int students;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Workers, and batch jobs of the baseline (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--samples", paramLabel = "NAME", split = ",",
            description = "Which of reference and samples/* make up the uploads (default: all of them).")
    List<String> samples;

    @Option(names = "--no-baseline", description = "Skip the batch baseline.")
    boolean noBaseline;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (count < 1 || students < 1 || workers < 1) {
            throw new UserError("--submissions, --students and --workers need at least 1");
        }
        Lab pack = lab.lab();
        List<Path> sources = BenchBatchCommand.sources(pack, samples);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= students; i++) {
            names.add(String.format(Locale.ROOT, "student%02d", i));
        }
        List<PortalLoad.Upload> uploads = PortalLoad.classOf(sources, count, names);
        RedisLauncher launcher = new RedisLauncher(System.getenv());
        Sandbox sandbox = sandboxOption.forClass();
        BenchBatchCommand.compileLabPack(pack, launcher, redisOption.mode(), sandbox);
        Path work = Files.createTempDirectory("coursekit-bench-portal-");
        LabRubric rubric = SubmissionGrading.rubric(lab.lab, lab.labsDir);
        // no limit but the class's own: every upload of the load is taken
        PortalRules rules = new PortalRules(Optional.empty(), Duration.ZERO, 0, count, Duration.ofMinutes(1),
                PortalRules.defaults().uploadBytes(), PortalRules.defaults().sourceFiles(), ScorePolicy.BEST,
                ZoneId.systemDefault());
        List<Student> roster = names.stream().map(n -> new Student(n, n, "", "", "")).toList();
        System.out.printf(Locale.ROOT, "class: %d uploads from %d students, copies of %d sources in turn; %d workers%n",
                count, students, sources.size(), workers);
        PortalLoad.Outcome outcome;
        try (Portal portal = Portal.start(new Portal.Settings(rubric, lab.labsDir, work.resolve("data"), roster, rules,
                "en", Optional.empty(), workers, redisOption.mode(), sandbox, System.getenv(), "127.0.0.1", 0,
                Optional.empty(), Duration.ofSeconds(30), new PrintStream(OutputStream.nullOutputStream()),
                Clock.systemUTC()))) {
            Map<String, String> tokens = portal.accounts().stream()
                    .collect(Collectors.toMap(a -> a.student().id(), PortalStore.Account::token));
            outcome = new PortalLoad(portal.url(), tokens).run(uploads, 8, Duration.ofMinutes(30));
        }
        double wall = BenchBatchCommand.seconds(outcome.wall());
        System.out.printf(Locale.ROOT, "portal: %d of %d graded, %d failed, %d lost, %d refused, in %.1f s = %.1f per minute%n",
                outcome.graded(), outcome.sent(), outcome.failed(), outcome.lost(), outcome.refused().size(), wall,
                outcome.perMinute());
        System.out.printf(Locale.ROOT, "upload to score: p50 %.1f s, p95 %.1f s, max %.1f s%n",
                BenchBatchCommand.seconds(outcome.percentile(50)), BenchBatchCommand.seconds(outcome.percentile(95)),
                BenchBatchCommand.seconds(outcome.percentile(100)));
        if (noBaseline) {
            return outcome.lost() == 0 && outcome.refused().isEmpty() ? 0 : 1;
        }
        Path folder = Files.createDirectory(work.resolve("class"));
        for (int i = 0; i < uploads.size(); i++) {
            Files.write(folder.resolve(String.format(Locale.ROOT, "s%03d-%s.zip", i + 1, uploads.get(i).student())),
                    uploads.get(i).zip());
        }
        long started = System.nanoTime();
        BenchBatchCommand.batch(pack, folder, work.resolve("graded"), launcher, redisOption.mode(), sandbox, workers);
        double batch = BenchBatchCommand.seconds(Duration.ofNanos(System.nanoTime() - started));
        System.out.printf(Locale.ROOT, "baseline batch --jobs %d: %.1f s for the same %d submissions = %.1f per minute%n",
                workers, batch, count, count * 60 / batch);
        System.out.printf(Locale.ROOT, "the portal takes %.2f× the baseline's time (%.1f s vs %.1f s)%n", wall / batch,
                wall, batch);
        return outcome.lost() == 0 && outcome.refused().isEmpty() ? 0 : 1;
    }
}
