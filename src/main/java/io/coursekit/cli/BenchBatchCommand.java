package io.coursekit.cli;

import io.coursekit.UserError;
import io.coursekit.batch.ClassGrading;
import io.coursekit.batch.FolderCopy;
import io.coursekit.batch.GradebookFolder;
import io.coursekit.batch.MavenBaseline;
import io.coursekit.batch.Progress;
import io.coursekit.batch.Roster;
import io.coursekit.grader.Grader;
import io.coursekit.grader.Sandbox;
import io.coursekit.lab.Lab;
import io.coursekit.grader.Submission;
import io.coursekit.grader.LabCache;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import io.coursekit.redis.RunningRedis;
import io.coursekit.report.ClassReport;
import io.coursekit.report.Gradebook;
import io.coursekit.report.StudentGrade;
import io.coursekit.report.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time 'coursekit batch' on a generated class (copies of the lab's reference and samples, in "
                + "turn) and, in the same run, the naive baseline: a Maven project per submission with the checks as "
                + "its tests, 'mvn -q -o test', one after another. The baseline times one copy of every source and "
                + "weighs it by the source's copies in the class; with --baseline-count K below the number of "
                + "sources it times K spread over them and extrapolates their mean, and says so."})
final class BenchBatchCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Mixin
    RedisOptions redisOption;

    @Mixin
    SandboxOptions sandboxOption;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100", description = "Submissions in the class (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2", description = "Batch workers (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--baseline-count", paramLabel = "K",
            description = "Submissions the baseline really grades; 0 skips it (default: one of every source).")
    Integer baselineCount;

    @Option(names = "--samples", paramLabel = "NAME", split = ",",
            description = "Which of reference and samples/* make up the class (default: all of them).")
    List<String> samples;

    @Override
    public Integer call() throws IOException {
        Lab pack = lab.lab();
        List<Path> sources = sources(pack, samples);
        Path work = Files.createTempDirectory("coursekit-bench-batch-");
        Path submissions = Files.createDirectory(work.resolve("class"));
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path source = sources.get(i % sources.size());
            Path copy = submissions.resolve(String.format(Locale.ROOT, "s%03d-%s", i, source.getFileName()));
            FolderCopy.tree(source, copy);
            copies.add(copy);
        }
        System.out.printf(Locale.ROOT, "class: %d submissions of %s in %s, copies of %d sources in turn: %s%n", count,
                pack.id(), submissions, sources.size(), String.join(", ", sources.stream()
                        .map(p -> p.getFileName().toString()).toList()));

        RedisLauncher launcher = new RedisLauncher(System.getenv());
        Sandbox sandbox = sandboxOption.forClass();
        compileLabPack(pack, launcher, redisOption.mode(), sandbox);
        Path out = work.resolve("graded");
        long started = System.nanoTime();
        List<StudentGrade> rows = batch(pack, submissions, out, launcher, redisOption.mode(), sandbox, jobs);
        Duration batch = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(Locale.ROOT, "coursekit batch --jobs %d, sandbox %s: %.1f s for %d submissions = %.2f s per "
                + "submission (mean score %.1f; reports in %s)%n", jobs, sandbox.name(), seconds(batch), count,
                seconds(batch) / count,
                rows.stream().mapToInt(StudentGrade::score).average().orElse(0), out);
        int timed = Math.min(baselineCount == null ? sources.size() : baselineCount, count);
        if (timed <= 0) {
            return 0;
        }
        int distinct = Math.min(sources.size(), count);
        boolean everySource = timed >= distinct;
        Duration whole = Duration.ZERO;
        try (RunningRedis redis = launcher.start(redisOption.mode())) {
            MavenBaseline maven = MavenBaseline.prepare(pack, work.resolve("baseline"), redis.uri());
            for (int k = 0; k < (everySource ? distinct : timed); k++) {
                // copy i is a copy of source i % sources: copy k stands for every copy of its source
                int index = everySource ? k : k * distinct / timed;
                Path copy = copies.get(index);
                Duration one = maven.grade(copy, copy.getFileName().toString());
                long copiesOfSource = everySource ? (count - index + sources.size() - 1) / sources.size() : 1;
                whole = whole.plus(one.multipliedBy(copiesOfSource));
                System.out.printf(Locale.ROOT, "baseline mvn -q -o test  %-32s %6.1f s  x%d%n", copy.getFileName(),
                        seconds(one), copiesOfSource);
            }
        }
        double total = everySource ? seconds(whole) : seconds(whole) / timed * count;
        System.out.printf(Locale.ROOT, "baseline: %s %.1f s for %d submissions = %.2f s per submission%n",
                everySource ? "each source timed once, weighted by its copies:"
                        : "timed " + timed + " of " + count + ", extrapolated:", total, count, total / count);
        System.out.printf(Locale.ROOT, "coursekit batch is %.1f× faster than the baseline (%.1f s vs %.1f s)%n",
                total / seconds(batch), seconds(batch), total);
        return 0;
    }

    /** Grades a folder of submissions as {@code batch --jobs} does, into {@code out}. */
    static List<StudentGrade> batch(Lab pack, Path submissions, Path out, RedisLauncher launcher, RedisMode mode,
                                    Sandbox sandbox, int jobs) {
        try (Roster roster = Roster.read(submissions, Optional.empty(), out)) {
            boolean terminal = System.console() != null;
            Progress progress = new Progress(terminal ? System.out : new PrintStream(OutputStream.nullOutputStream()),
                    terminal, roster.entries().size());
            List<StudentGrade> rows = new ClassGrading(pack, launcher, mode, LabCache.forThisUser(), sandbox,
                    Wording.of("en"), new GradebookFolder(out)).grade(roster.entries(), jobs, Map.of(), progress);
            progress.finished();
            ClassReport.write(rows, Gradebook.Format.DEFAULT, Wording.of("en"), out);
            return rows;
        }
    }

    /** Compiles the lab pack and writes its class archives before the clock starts, as after any earlier grading. */
    static void compileLabPack(Lab pack, RedisLauncher launcher, RedisMode mode, Sandbox sandbox) {
        long preparing = System.nanoTime();
        try (RunningRedis redis = launcher.start(mode);
             Grader grader = new Grader(LabCache.forThisUser(), redis.access(), sandbox);
             Submission reference = Submission.open(pack.referenceDir())) {
            grader.compile(pack, reference).close();
        }
        System.out.printf(Locale.ROOT, "lab pack compiled and its class archives written, before the clock starts: %.1f s%n",
                seconds(Duration.ofNanos(System.nanoTime() - preparing)));
    }

    /** The reference and the samples of the pack, or those of them named. */
    static List<Path> sources(Lab pack, List<String> samples) throws IOException {
        List<Path> all = new ArrayList<>(List.of(pack.referenceDir()));
        if (Files.isDirectory(pack.samplesDir())) {
            try (Stream<Path> dirs = Files.list(pack.samplesDir())) {
                dirs.filter(Files::isDirectory).sorted().forEach(all::add);
            }
        }
        if (samples == null) {
            return all;
        }
        List<Path> chosen = all.stream().filter(p -> samples.contains(p.getFileName().toString())).toList();
        if (chosen.size() != samples.size()) {
            throw new UserError("--samples " + String.join(",", samples) + ": choose among "
                    + String.join(", ", all.stream().map(p -> p.getFileName().toString()).toList()));
        }
        return chosen;
    }

    static double seconds(Duration time) {
        return time.toNanos() / 1e9;
    }
}
