package io.coursekit.grader;

import io.coursekit.lab.Lab;
import io.coursekit.lab.StudentContract;
import io.coursekit.redis.RedisAccess;
import io.coursekit.rpc.Message;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades submissions of lab packs against one Redis, one submission at a time. A submission is compiled by a
 * sandboxed compiler and runs in JVMs of its own, in sandboxes; the lab's checks run in a judge JVM that never loads a
 * student's class and reaches the student's objects only through the lab API. The judge stays warm from one
 * submission to the next; close the grader to end it. A batch may {@link #compile} the next submission on another
 * thread while this one is in its checks.
 */
public final class Grader implements AutoCloseable {
    private static final String RUNNER = "io.coursekit.sandbox.StudentRunner";
    private static final String STUDENT_CLASSPATH = SandboxedCompiler.LIBRARIES + File.pathSeparator + SandboxedCompiler.API;
    private static final String STUDENT_ARCHIVE = "/coursekit/student.jsa";
    private static final String REDIS_DIR = "/run/coursekit";
    private static final String TRAINING_DIR = "/coursekit-out";
    /** Writing a class archive as a JVM ends takes a few seconds on a small, busy machine. */
    private static final Duration ARCHIVE_WRITING = Duration.ofSeconds(30);
    private static final int THREADS = 256;
    private static final int OPEN_FILES = 1024;
    private static final int FILE_MB = 64;
    private static final int TMP_MB = 64;

    private final LabCache labs;
    private final RedisAccess redis;
    private final Sandbox sandbox;
    private final JudgeJvms judges = new JudgeJvms();
    private final Map<Path, SandboxedCompiler> compilers = new HashMap<>();

    /** @param redis a Redis the grader may empty before every check, and whose student user it may reset */
    public Grader(LabCache labs, RedisAccess redis, Sandbox sandbox) {
        this.labs = labs;
        this.redis = redis;
        this.sandbox = sandbox;
    }

    /** What student code runs in, as results.json says: {@code bubblewrap} or {@code none}. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** Always gives a report for a submission it could read, whatever the submission does. */
    public GradeReport grade(Lab lab, Submission submission) {
        CompiledLab compiled = labs.compileLab(lab);
        JudgeJvm.Launch launch = launch(compiled);
        // a judge starts while the submission compiles
        startJudge(launch);
        return check(compileWith(compiled, submission, launch));
    }

    /**
     * Compiles a submission for {@link #check}. May run on another thread while this grader checks another
     * submission: it uses no judge.
     */
    public CompiledSubmission compile(Lab lab, Submission submission) {
        CompiledLab compiled = labs.compileLab(lab);
        return compileWith(compiled, submission, launch(compiled));
    }

    /** Starts a judge and a compiler for this lab now, so they are warm by the time the first submission comes. */
    public void startCheckJvm(Lab lab) {
        CompiledLab compiled = labs.compileLab(lab);
        startJudge(launch(compiled));
        compiler(compiled).start();
    }

    /** Ends the judges and compilers kept for the next submissions. */
    @Override
    public synchronized void close() {
        judges.close();
        compilers.values().forEach(SandboxedCompiler::close);
        compilers.clear();
    }

    /** Runs the checks of a compiled submission; always gives a report. */
    public GradeReport check(CompiledSubmission submission) {
        Lab lab = submission.lab().lab();
        Duration compile = submission.compileTime();
        try (submission) {
            Intake intake = submission.intake();
            if (!intake.compiled()) {
                return new GradeReport(lab, submission.name(), lab.checks().stream()
                        .map(c -> CheckResult.notRun(c, new Reason.DoesNotCompile())).toList(), intake, sandbox.name(),
                        new Timings(compile, Duration.ZERO, Duration.ZERO, compile));
            }
            long started = System.nanoTime() - compile.toNanos();
            CheckRun run = run(submission, started);
            if (run.results().stream().anyMatch(r -> r.reason() instanceof Reason.GraderTrouble)) {
                // the grader failed the student, not the other way round: once more, in new JVMs, on a new clock
                run = run(submission, System.nanoTime());
            }
            return new GradeReport(lab, submission.name(), run.results(), intake, sandbox.name(),
                    new Timings(compile, run.jvmStart(), run.checks(), Duration.ofNanos(System.nanoTime() - started)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a judge JVM for " + submission.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        }
    }

    private CheckRun run(CompiledSubmission submission, long started) throws IOException, InterruptedException {
        Lab lab = submission.lab().lab();
        JudgeJvm first = judges.take(submission.launch());
        CheckRun run = new CheckRun(lab, submission.launch(), judges, order(submission),
                started + lab.limits().time().toNanos());
        try {
            run.run(first);
        } finally {
            if (run.reusable().orElse(null) != first) {
                // the run ends every judge it ran checks in, but not one it never needed
                first.close();
            }
        }
        run.reusable().ifPresent(judge -> judges.keep(judge, submission.launch()));
        return run;
    }

    private JudgeOrder order(CompiledSubmission submission) {
        Lab lab = submission.lab().lab();
        StudentContract student = lab.student();
        List<JudgeOrder.TimedCheck> checks = submission.lab().methods().stream()
                .map(m -> new JudgeOrder.TimedCheck(m, lab.check(m.checkId()).orElseThrow().timeout().toSeconds()))
                .toList();
        return new JudgeOrder(submission.name(), submission.classes(), submission.lab().checksJar(), lab.javaPackage(),
                student.className(), student.constructor(),
                new Message.RedisSettings(student.commandTimeout().toMillis(), student.autoReconnect()), checks, 0,
                lab.limits().time().toSeconds());
    }

    private CompiledSubmission compileWith(CompiledLab compiled, Submission submission, JudgeJvm.Launch launch) {
        // the submission's time starts now: building the lab pack is the grader's own work
        long started = System.nanoTime();
        Path work = ScratchFolder.create("coursekit-grade-");
        Path classes = work.resolve("classes");
        Intake intake;
        try {
            Files.createDirectories(classes);
            SubmissionSources sources = SubmissionSources.read(submission, compiled.apiTypes());
            if (sources.files().isEmpty()) {
                intake = Intake.didNotCompile(sources.notes(), new Reason.NoSources(0), "");
            } else if (sources.bytes() > SubmissionSources.MAX_BYTES) {
                intake = Intake.didNotCompile(sources.notes(), new Reason.NoSources(sources.bytes() / 1024), "");
            } else {
                SandboxedCompiler.Outcome outcome = compiler(compiled).compile(sources,
                        compiled.lab().limits().compile());
                if (outcome.compiled()) {
                    SandboxedCompiler.write(outcome.classes(), classes);
                    intake = Intake.compiled(sources.notes());
                } else {
                    intake = Intake.didNotCompile(sources.notes(), outcome.stopped() != null ? outcome.stopped()
                            : new Reason.DoesNotCompile(), outcome.errors());
                }
            }
        } catch (IOException e) {
            ScratchFolder.delete(work);
            throw new UncheckedIOException("cannot write into " + work, e);
        } catch (RuntimeException e) {
            ScratchFolder.delete(work);
            throw e;
        }
        return new CompiledSubmission(compiled, submission.name(), intake, classes, work,
                Duration.ofNanos(System.nanoTime() - started), launch);
    }

    private synchronized SandboxedCompiler compiler(CompiledLab compiled) {
        return compilers.computeIfAbsent(compiled.folder(), folder -> new SandboxedCompiler(sandbox,
                labs.studentLibraries(), compiled.apiJar(), compiled.lab().limits().memoryMb()));
    }

    /** How this lab's judges start; writes the lab's class archives first if it has none. */
    private JudgeJvm.Launch launch(CompiledLab compiled) {
        List<String> classpath = new ArrayList<>();
        classpath.add(compiled.apiJar().toString());
        labs.judgeLibraries().forEach(path -> classpath.add(path.toString()));
        ClassArchive judgeArchive = new ClassArchive(compiled.judgeArchive());
        ClassArchive studentArchive = new ClassArchive(compiled.studentArchive());
        if (Files.isDirectory(compiled.lab().referenceDir()) && !(judgeArchive.usable() && studentArchive.usable())) {
            train(compiled, classpath, judgeArchive, studentArchive);
        }
        return new JudgeJvm.Launch(classpath, judgeArchive.useOptions(judgeArchive.file().toString()),
                setup(compiled, studentArchive, null), Duration.ZERO);
    }

    /**
     * Grades the lab's reference with JVMs that write class archives as they end: only the lab author's and
     * coursekit's code is ever in them. One training at a time in this process; the others then use its archives.
     */
    private void train(CompiledLab compiled, List<String> classpath, ClassArchive judgeArchive, ClassArchive studentArchive) {
        synchronized (Grader.class) {
            if (judgeArchive.usable() && studentArchive.usable()) {
                return;
            }
            Path written = ScratchFolder.create("coursekit-archives-");
            try {
                CacheSeal.readableByAll(written);
                if (sandbox.runsAsOtherUser()) {
                    Files.setPosixFilePermissions(written, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
                }
                Path judgeFile = written.resolve("judge").resolve("judge.jsa");
                Files.createDirectories(judgeFile.getParent());
                JudgeJvm.Launch training = new JudgeJvm.Launch(classpath, ClassArchive.writeOptions(judgeFile.toString()),
                        setup(compiled, null, written), ARCHIVE_WRITING);
                try (JudgeJvms trainers = new JudgeJvms(); Submission reference = Submission.open(compiled.lab().referenceDir())) {
                    CompiledSubmission submission = compileWith(compiled, reference, training);
                    JudgeJvm judge = trainers.take(training);
                    try (submission) {
                        CheckRun run = new CheckRun(compiled.lab(), training, trainers, order(submission),
                                System.nanoTime() + compiled.lab().limits().time().toNanos());
                        run.run(judge);
                        // the judge writes its archive as it ends
                        run.reusable().ifPresent(JudgeJvm::close);
                    }
                }
                judgeArchive.keepLargest(judgeFile.getParent());
                studentArchive.keepLargest(written);
            } catch (IOException | InterruptedException | RuntimeException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // without the archives JVMs start as they always did, only slower
            } finally {
                ScratchFolder.delete(written);
            }
        }
    }

    /**
     * What the judge is told once: Redis, and the sandboxed command of a student JVM, which maps the student archive
     * when there is one, or writes one into {@code training} as it ends.
     */
    private JudgeSetup setup(CompiledLab compiled, ClassArchive archive, Path training) {
        int heapMb = compiled.lab().limits().memoryMb();
        List<Sandbox.Bind> binds = new ArrayList<>(List.of(
                Sandbox.Bind.readOnly(labs.studentLibraries(), SandboxedCompiler.LIBRARIES),
                Sandbox.Bind.readOnly(compiled.apiJar(), SandboxedCompiler.API),
                Sandbox.Bind.readOnly(Path.of(JudgeSetup.REDIS_DIR), REDIS_DIR)));
        List<String> program = new ArrayList<>(Sandbox.java(heapMb));
        if (training != null) {
            Sandbox.Bind out = new Sandbox.Bind(training, TRAINING_DIR, true);
            binds.add(out);
            program.addAll(ClassArchive.writeOptions(sandbox.inside(out) + "/student-" + JudgeSetup.JVM_NUMBER + ".jsa"));
        } else if (archive != null && archive.usable()) {
            Sandbox.Bind file = Sandbox.Bind.readOnly(archive.file(), STUDENT_ARCHIVE);
            binds.add(file);
            program.addAll(archive.useOptions(sandbox.inside(file)));
        }
        String classpath = sandbox.isolates() ? STUDENT_CLASSPATH
                : labs.studentLibraries() + File.pathSeparator + compiled.apiJar();
        program.addAll(List.of("-cp", classpath, RUNNER, sandbox.inside(binds.get(2)) + "/" + JudgeSetup.REDIS_SOCKET,
                String.valueOf(compiled.lab().limits().outputBytes())));
        Sandbox.Limits limits = new Sandbox.Limits(heapMb + Sandbox.JVM_NATIVE_MB, THREADS, FILE_MB,
                (int) compiled.lab().limits().time().toSeconds(), OPEN_FILES, TMP_MB);
        return new JudgeSetup(redis, sandbox.command(binds, limits, program), compiled.lab().limits().outputBytes(),
                heapMb, training == null ? 0 : ARCHIVE_WRITING.toMillis() / 2);
    }

    private void startJudge(JudgeJvm.Launch launch) {
        try {
            judges.startSpare(launch);
        } catch (IOException e) {
            // the submission starts one when it needs it, and says so if it cannot
        }
    }
}
