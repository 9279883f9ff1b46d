package io.coursekit.grader;

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
 * clean grades the next one, which then starts warm; close the grader to end it.
 */
public final class Grader implements AutoCloseable {
    private static final String SUBMISSION_CLASSES = "classes";
    /** Writing a class archive as the JVM ends takes about a second on a small machine. */
    private static final Duration ARCHIVE_WRITING = Duration.ofSeconds(15);
    /** A JVM that many submissions have passed through is replaced, so nothing can pile up in it. */
    private static final int SUBMISSIONS_PER_JVM = 25;

    private final SubmissionCompiler compiler;
    private final URI redis;
    private CheckJvm warm;
    private CheckJvmSetup warmSetup;

    /** @param redis a Redis the grader may empty before every check */
    public Grader(SubmissionCompiler compiler, URI redis) {
        this.compiler = compiler;
        this.redis = redis;
    }

    /** Always gives a report for a submission it could read, whatever the submission does. */
    public GradeReport grade(Lab lab, Submission submission) {
        CompiledLab compiled = compiler.compileLab(lab);
        List<Path> shared = new ArrayList<>();
        shared.add(compiled.apiJar());
        shared.addAll(compiler.libraries());
        ClassArchive archive = new ClassArchive(compiled, shared);
        if (archive.needsTraining()) {
            archive.train(options -> {
                try (Submission reference = Submission.open(lab.referenceDir())) {
                    gradeWith(compiled, reference, setup(lab, shared, options, ARCHIVE_WRITING));
                }
            });
        }
        return gradeWith(compiled, submission, setup(lab, shared, archive.vmOptions(), Duration.ZERO));
    }

    /** Ends the check JVM kept for the next submission. */
    @Override
    public void close() {
        if (warm != null) {
            warm.close();
            warm = null;
        }
    }

    private CheckJvmSetup setup(Lab lab, List<Path> shared, List<String> vmOptions, Duration exitGrace) {
        return new CheckJvmSetup(shared.stream().map(Path::toString).toList(), vmOptions, lab.limits(), redis, exitGrace);
    }

    private GradeReport gradeWith(CompiledLab compiled, Submission submission, CheckJvmSetup setup) {
        Lab lab = compiled.lab();
        // the submission's time starts now: building the lab pack is the grader's own work
        long started = System.nanoTime();
        Path work = ScratchFolder.create("coursekit-grade-");
        Path classes = work.resolve(SUBMISSION_CLASSES);
        CheckJvm first = null;
        try {
            Files.createDirectories(classes);
            first = takeWarm(setup);
            if (first == null) {
                first = CheckJvm.launch(setup);
            }
            Compilation compilation = compiler.compile(compiled, submission, classes);
            Duration compile = Duration.ofNanos(System.nanoTime() - started);
            if (!compilation.compiled()) {
                keep(first, setup);
                first = null;
                List<CheckResult> results = lab.checks().stream()
                        .map(c -> CheckResult.notRun(c, "not run: the submission does not compile")).toList();
                return new GradeReport(lab, submission.name(), results,
                        compilation.notes() + "The submission does not compile:\n" + compilation.errors(),
                        new Timings(compile, Duration.ZERO, Duration.ZERO, compile));
            }
            CheckRun run = new CheckRun(compiled, setup, List.of(compiled.checksJar(), classes),
                    started + lab.limits().time().toNanos());
            List<CheckResult> results = run.run(first);
            run.reusable().ifPresent(jvm -> keep(jvm, setup));
            if (run.reusable().orElse(null) == first) {
                first = null;
            }
            return new GradeReport(lab, submission.name(), results, compilation.notes(),
                    new Timings(compile, run.jvmStart(), run.checks(), Duration.ofNanos(System.nanoTime() - started)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a check JVM for " + submission.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        } finally {
            if (first != null) {
                first.close();
            }
            ScratchFolder.delete(work);
        }
    }

    /** The kept JVM, when it was started the same way and may take another submission. */
    private CheckJvm takeWarm(CheckJvmSetup setup) {
        CheckJvm jvm = warm;
        warm = null;
        if (jvm != null && (!setup.equals(warmSetup) || jvm.submissions() >= SUBMISSIONS_PER_JVM)) {
            jvm.close();
            return null;
        }
        return jvm;
    }

    /** Keeps a JVM for the next submission; one that writes a class archive must end to write it. */
    private void keep(CheckJvm jvm, CheckJvmSetup setup) {
        if (!setup.exitGrace().isZero()) {
            jvm.close();
            return;
        }
        warm = jvm;
        warmSetup = setup;
    }
}
