package io.coursekit.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Grades submissions of lab packs against one Redis, one submission at a time. */
public final class Grader {
    private static final String SUBMISSION_CLASSES = "classes";
    /** Writing a class archive as the JVM ends takes about a second on a small machine. */
    private static final Duration ARCHIVE_WRITING = Duration.ofSeconds(15);

    private final SubmissionCompiler compiler;
    private final URI redis;

    /** @param redis a Redis the grader may empty before every check */
    public Grader(SubmissionCompiler compiler, URI redis) {
        this.compiler = compiler;
        this.redis = redis;
    }

    /** Always gives a report for a submission it could read, whatever the submission does. */
    public GradeReport grade(Lab lab, Submission submission) {
        CompiledLab compiled = compiler.compileLab(lab);
        List<Path> shared = new ArrayList<>(compiled.jars());
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

    private CheckJvmSetup setup(Lab lab, List<Path> shared, List<String> vmOptions, Duration exitGrace) {
        List<String> classpath = new ArrayList<>(shared.stream().map(Path::toString).toList());
        // last, so its classes can never stand in for the runner's or the libraries'; relative to the check JVM's work
        // folder, so the class path is the same for every submission, as the class archive needs
        classpath.add(SUBMISSION_CLASSES);
        return new CheckJvmSetup(classpath, vmOptions, lab.limits(), redis, exitGrace);
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
            first = CheckJvm.launch(setup, work);
            Compilation compilation = compiler.compile(compiled, submission, classes);
            Duration compile = Duration.ofNanos(System.nanoTime() - started);
            if (!compilation.compiled()) {
                List<CheckResult> results = lab.checks().stream()
                        .map(c -> CheckResult.notRun(c, "not run: the submission does not compile")).toList();
                return new GradeReport(lab, submission.name(), results,
                        compilation.notes() + "The submission does not compile:\n" + compilation.errors(),
                        new Timings(compile, Duration.ZERO, Duration.ZERO, compile));
            }
            CheckRun run = new CheckRun(compiled, setup, work, started + lab.limits().time().toNanos());
            List<CheckResult> results = run.run(first);
            return new GradeReport(lab, submission.name(), results, compilation.notes(),
                    new Timings(compile, run.jvmStart(), run.checks(), Duration.ofNanos(System.nanoTime() - started)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a check JVM in " + work, e);
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
}
