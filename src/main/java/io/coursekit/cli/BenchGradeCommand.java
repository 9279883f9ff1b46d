package io.coursekit.cli;

import io.coursekit.grader.GradeReport;
import io.coursekit.grader.Grader;
import io.coursekit.grader.Sandbox;
import io.coursekit.lab.Lab;
import io.coursekit.grader.Submission;
import io.coursekit.grader.LabCache;
import io.coursekit.grader.Timings;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RunningRedis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grade one submission (the lab's reference solution by default) several times in this JVM and "
                + "print where the time goes: compile, JVM start, checks. The first run is cold, like one "
                + "'coursekit grade'; later runs show a warm grader, like 'coursekit batch'."})
final class BenchGradeCommand implements Runnable {

    @Mixin
    LabOptions lab;

    @Mixin
    RedisOptions redisOption;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "How many gradings (default: ${DEFAULT-VALUE}).")
    int runs;

    @Parameters(paramLabel = "SUBMISSION", arity = "0..1", description = "A folder or .zip (default: the lab's reference/).")
    Path submission;

    @Override
    public void run() {
        Lab pack = lab.lab();
        List<Timings> timings = new ArrayList<>();
        try (RunningRedis redis = new RedisLauncher(System.getenv()).start(redisOption.mode());
             Submission graded = Submission.open(submission != null ? submission : pack.referenceDir());
             Grader grader = new Grader(LabCache.forThisUser(), redis.access(), Sandbox.detect())) {
            System.out.println("grading " + graded.name() + " of " + pack.id() + " " + runs + " times, Redis: "
                    + redis.description() + ", sandbox: " + grader.sandbox().name());
            System.out.println("run   compile  jvm-start   checks    total  score");
            for (int run = 1; run <= runs; run++) {
                GradeReport report = grader.grade(pack, graded);
                timings.add(report.timings());
                System.out.println(String.format(Locale.ROOT, "%3d  %s  %d/%d", run, row(report.timings()),
                        report.score(), report.maxScore()));
            }
        }
        if (timings.size() > 1) {
            List<Timings> warm = timings.subList(1, timings.size());
            System.out.println(String.format(Locale.ROOT, "warm median %s", row(new Timings(median(warm, Timings::compile),
                    median(warm, Timings::jvmStart), median(warm, Timings::checks), median(warm, Timings::total)))));
        }
    }

    private static String row(Timings t) {
        return String.format(Locale.ROOT, "%7.2fs %9.2fs %7.2fs %7.2fs", seconds(t.compile()), seconds(t.jvmStart()),
                seconds(t.checks()), seconds(t.total()));
    }

    private static Duration median(List<Timings> runs, Function<Timings, Duration> part) {
        List<Duration> sorted = runs.stream().map(part).sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(Duration time) {
        return time.toNanos() / 1e9;
    }
}
