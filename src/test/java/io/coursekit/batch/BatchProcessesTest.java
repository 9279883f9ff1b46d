package io.coursekit.batch;

import io.coursekit.cli.CourseKit;
import io.coursekit.report.ClassReport;
import io.coursekit.report.StudentGrade;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Batches as separate processes, the way instructors and Kubernetes run them: killed and resumed, and sharded. */
class BatchProcessesTest {
    private static final Pattern GRADED = Pattern.compile("^graded (.+?): ");
    private static final List<String> STUDENTS = List.of("alice", "bob", "carol", "compile-error", "forgets-to-cache",
            "no-ttl");

    @TempDir
    static Path temp;
    static Path submissions;
    static Path uninterrupted;

    @BeforeAll
    static void gradeTheClassInOneGo() throws IOException {
        assumeTrue(Files.isDirectory(ClassFolder.CACHE_ASIDE_LAB.resolve("samples")), "the cache-aside lab has no samples");
        ClassFolder folder = new ClassFolder(ClassFolder.CACHE_ASIDE_LAB, Files.createDirectory(temp.resolve("class")));
        for (String student : STUDENTS.subList(0, 3)) {
            folder.folder(student, "reference");
        }
        for (String sample : STUDENTS.subList(3, STUDENTS.size())) {
            folder.zip(sample, "samples/" + sample);
        }
        submissions = folder.dir();
        uninterrupted = temp.resolve("uninterrupted");
        assertThat(CourseKit.run(batch(uninterrupted, "--jobs", "2"))).isZero();
    }

    @Test
    void aKilledBatchGradesOnlyTheRestWhenRunAgain() throws Exception {
        Path out = temp.resolve("resumed");
        Process first = start(batch(out, "--jobs", "1"));
        Set<String> printed = new TreeSet<>();
        try (BufferedReader lines = reader(first)) {
            for (String line; printed.size() < 3 && (line = lines.readLine()) != null; ) {
                graded(line).ifPresent(printed::add);
            }
            killWithChildren(first);
        }
        Set<String> done = STUDENTS.stream().filter(s -> Files.exists(out.resolve(s).resolve(StudentGrade.GRADED_MARKER)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(done).containsAll(printed).hasSizeLessThan(STUDENTS.size());

        Process second = start(batch(out, "--jobs", "2"));
        Set<String> regraded = new TreeSet<>();
        String output;
        try (BufferedReader lines = reader(second)) {
            output = lines.lines().peek(line -> graded(line).ifPresent(regraded::add)).collect(Collectors.joining("\n"));
        }
        assertThat(second.waitFor()).as(output).isZero();

        Set<String> rest = new TreeSet<>(STUDENTS);
        rest.removeAll(done);
        assertThat(regraded).as(output).isEqualTo(rest);
        assertThat(output).contains("already graded in " + out + ": " + done.size());
        assertSameGrades(out, uninterrupted);
    }

    @Test
    void judgesAndStudentJvmsEndWithTheirKilledBatchEvenInTheMiddleOfAnEndlessCheck() throws Exception {
        ClassFolder loops = new ClassFolder(ClassFolder.CACHE_ASIDE_LAB, Files.createDirectory(temp.resolve("loops")));
        loops.folder("looper", "samples/hostile-infinite-loop");
        Process batch = start(new String[] {"batch", "--lab", ClassFolder.CACHE_ASIDE_LAB.toString(), "--out",
                temp.resolve("loops-graded").toString(), "--jobs", "1", loops.dir().toString()});
        List<ProcessHandle> checkJvms = List.of();
        try {
            for (int i = 0; i < 200 && checkJvms.isEmpty(); i++) {
                Thread.sleep(50);
                checkJvms = batch.descendants().filter(BatchProcessesTest::isCheckJvm).toList();
            }
            assertThat(checkJvms).as("a judge of the batch").isNotEmpty();
            // well into delete-evicts, whose endless loop only the killed batch would have stopped
            Thread.sleep(6_000);
            checkJvms = batch.descendants().filter(BatchProcessesTest::isCheckJvm).toList();
            assertThat(checkJvms).as("the judge and the submission's JVMs")
                    .anyMatch(p -> p.info().arguments().map(args -> List.of(args).contains(STUDENT_RUNNER)).orElse(false));
            List<ProcessHandle> redis = batch.descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("redis-server")).orElse(false)).toList();
            batch.destroyForcibly();
            redis.forEach(ProcessHandle::destroyForcibly);

            for (ProcessHandle jvm : checkJvms) {
                assertThat(jvm.onExit()).as("JVM " + jvm.pid() + " " + jvm.info().commandLine().orElse(""))
                        .succeedsWithin(5, TimeUnit.SECONDS);
            }
        } finally {
            batch.destroyForcibly();
            checkJvms.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static final String STUDENT_RUNNER = "io.coursekit.sandbox.StudentRunner";

    /** A judge, or one of the submission's JVMs, sandbox processes around it included. */
    private static boolean isCheckJvm(ProcessHandle process) {
        return process.info().arguments().map(args -> List.of(args).contains("io.coursekit.grader.judge.Judge")
                || List.of(args).contains(STUDENT_RUNNER) || List.of(args).contains("--die-with-parent")).orElse(false);
    }

    @Test
    void threeShardsMergeIntoTheOneProcessGradebook() throws Exception {
        List<Process> shards = new ArrayList<>();
        List<String> shardDirs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = temp.resolve("shard-" + i);
            shardDirs.add(out.toString());
            shards.add(start(batch(out, "--jobs", "1", "--shard", i + "/3")));
        }
        for (Process shard : shards) {
            String output;
            try (BufferedReader lines = reader(shard)) {
                output = lines.lines().collect(Collectors.joining("\n"));
            }
            assertThat(shard.waitFor()).as(output).isZero();
        }
        Path merged = temp.resolve("merged");
        List<String> merge = new ArrayList<>(List.of("merge", "--out", merged.toString(), "--lang", "en"));
        merge.addAll(shardDirs);

        assertThat(CourseKit.run(merge.toArray(String[]::new))).isZero();

        for (String dir : shardDirs) {
            assertThat(ClassReport.read(Path.of(dir))).hasSizeBetween(2, 3);
        }
        assertSameGrades(merged, uninterrupted);
        assertThat(merged.resolve("alice").resolve("report.html")).isRegularFile();
    }

    private static String[] batch(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("batch", "--lab", ClassFolder.CACHE_ASIDE_LAB.toString(), "--out",
                out.toString(), "--lang", "en"));
        args.addAll(List.of(options));
        args.add(submissions.toString());
        return args.toArray(String[]::new);
    }

    /** The same gradebook byte for byte, and the same rows apart from how long each grading took. */
    private static void assertSameGrades(Path actual, Path expected) throws IOException {
        StringBuilder reports = new StringBuilder();
        for (String student : STUDENTS) {
            Path results = actual.resolve(student).resolve("results.json");
            if (Files.isRegularFile(results)) {
                reports.append(student).append(": ").append(Files.readString(results)).append('\n');
            }
        }
        assertThat(Files.readString(actual.resolve(ClassReport.GRADEBOOK_CSV))).as(reports.toString())
                .isEqualTo(Files.readString(expected.resolve(ClassReport.GRADEBOOK_CSV)));
        assertThat(ClassReport.read(actual).stream().map(g -> g.jsonLine().replaceAll("\"seconds\":[0-9.]+", "")).toList())
                .isEqualTo(ClassReport.read(expected).stream().map(g -> g.jsonLine().replaceAll("\"seconds\":[0-9.]+", "")).toList());
    }

    private static Process start(String[] args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CourseKit.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** SIGKILL, as a power cut would; the batch's Redis would outlive it, so it is killed too. */
    private static void killWithChildren(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static Optional<String> graded(String line) {
        Matcher m = GRADED.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
