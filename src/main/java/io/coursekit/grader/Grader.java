package io.coursekit.grader;

import io.coursekit.lab.Lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades submissions of lab packs against one Redis, one submission at a time. A check JVM that a submission left
 * clean grades the next one, which then starts warm; close the grader to end it. A batch may {@link #compile} the
 * next submission on another thread while this one is in its checks.
 */
public final class Grader implements AutoCloseable {
    private static final String SUBMISSION_CLASSES = "classes";
    /** Writing a class archive as the JVM ends takes about a second on a small machine. */
    private static final Duration ARCHIVE_WRITING = Duration.ofSeconds(15);

    private final SubmissionCompiler compiler;
    private final URI redis;
    private final CheckJvms jvms = new CheckJvms();

    /** @param redis a Redis the grader may empty before every check */
    public Grader(SubmissionCompiler compiler, URI redis) {
        this.compiler = compiler;
        this.redis = redis;
    }

    /** Always gives a report for a submission it could read, whatever the submission does. */
    public GradeReport grade(Lab lab, Submission submission) {
        CompiledLab compiled = compiler.compileLab(lab);
        CheckJvmSetup setup = setup(compiled);
        // a JVM starts while the submission compiles
        startJvm(setup);
        return check(compileWith(compiled, submission, setup));
    }

    /**
     * Compiles a submission for {@link #check}. May run on another thread while this grader checks another
     * submission: it uses no check JVM.
     */
    public CompiledSubmission compile(Lab lab, Submission submission) {
        CompiledLab compiled = compiler.compileLab(lab);
        return compileWith(compiled, submission, setup(compiled));
    }

    /** Starts a check JVM for this lab now, so that it is warm by the time the first compiled submission is. */
    public void startCheckJvm(Lab lab) {
        startJvm(setup(compiler.compileLab(lab)));
    }

    /** Ends the check JVMs kept for the next submissions. */
    @Override
    public void close() {
        jvms.close();
    }

    /** How this lab's check JVMs start; writes the lab's class archive first if it has none. */
    private CheckJvmSetup setup(CompiledLab compiled) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(compiled.apiJar());
        classpath.addAll(compiler.libraries());
        ClassArchive archive = new ClassArchive(compiled, classpath);
        if (archive.needsTraining()) {
            archive.train(options -> {
                try (Submission reference = Submission.open(compiled.lab().referenceDir())) {
                    check(compileWith(compiled, reference, setup(compiled, classpath, options, ARCHIVE_WRITING)));
                }
            });
        }
        return setup(compiled, classpath, archive.vmOptions(), Duration.ZERO);
    }

    private CheckJvmSetup setup(CompiledLab compiled, List<Path> classpath, List<String> vmOptions, Duration exitGrace) {
        return new CheckJvmSetup(classpath.stream().map(Path::toString).toList(), vmOptions, compiled.lab().limits(),
                redis, exitGrace);
    }

    private CompiledSubmission compileWith(CompiledLab compiled, Submission submission, CheckJvmSetup setup) {
        // the submission's time starts now: building the lab pack is the grader's own work
        long started = System.nanoTime();
        Path work = ScratchFolder.create("coursekit-grade-");
        Path classes = work.resolve(SUBMISSION_CLASSES);
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            ScratchFolder.delete(work);
            throw new UncheckedIOException("cannot create " + classes, e);
        }
        Compilation compilation = compiler.compile(compiled, submission, classes);
        return new CompiledSubmission(compiled, submission.name(), compilation, work,
                Duration.ofNanos(System.nanoTime() - started), setup);
    }

    /** Runs the checks of a compiled submission; always gives a report. */
    public GradeReport check(CompiledSubmission submission) {
        Lab lab = submission.lab().lab();
        Compilation compilation = submission.compilation();
        Duration compile = submission.compileTime();
        CheckJvmSetup setup = submission.setup();
        try (submission) {
            if (!compilation.compiled()) {
                List<CheckResult> results = lab.checks().stream()
                        .map(c -> CheckResult.notRun(c, "not run: the submission does not compile")).toList();
                return new GradeReport(lab, submission.name(), results,
                        compilation.notes() + "The submission does not compile:\n" + compilation.errors(),
                        new Timings(compile, Duration.ZERO, Duration.ZERO, compile));
            }
            long started = System.nanoTime() - compile.toNanos();
            CheckJvm first = jvms.take(setup);
            CheckRun run = new CheckRun(submission.lab(), setup, jvms, List.of(submission.lab().checksJar(), compilation.classes()),
                    started + lab.limits().time().toNanos());
            List<CheckResult> results;
            try {
                results = run.run(first);
            } finally {
                if (run.reusable().orElse(null) != first) {
                    // the run ends every JVM it ran checks in, but not one it never needed
                    first.close();
                }
            }
            run.reusable().ifPresent(jvm -> jvms.keep(jvm, setup));
            return new GradeReport(lab, submission.name(), results, compilation.notes(),
                    new Timings(compile, run.jvmStart(), run.checks(), Duration.ofNanos(System.nanoTime() - started)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a check JVM for " + submission.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        }
    }

    private void startJvm(CheckJvmSetup setup) {
        try {
            jvms.startSpare(setup);
        } catch (IOException e) {
            // the submission starts one when it needs it, and says so if it cannot
        }
    }
}
