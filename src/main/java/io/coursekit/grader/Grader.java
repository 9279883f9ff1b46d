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
        // the submission's time starts now: building the lab pack is the grader's own work
        long started = System.nanoTime();
        Path work = ScratchFolder.create("coursekit-grade-");
        Path classes = work.resolve("classes");
        // the submission comes last, so its classes can never stand in for the runner's or the libraries'
        List<Path> classpath = new ArrayList<>(List.of(compiled.api(), compiled.checks()));
        classpath.addAll(compiler.libraries());
        classpath.add(classes);
        CheckJvm first = null;
        try {
            Files.createDirectories(classes);
            first = CheckJvm.launch(classpath, lab.limits(), redis, work);
            Compilation compilation = compiler.compile(compiled, submission, classes);
            Duration compile = Duration.ofNanos(System.nanoTime() - started);
            if (!compilation.compiled()) {
                List<CheckResult> results = lab.checks().stream()
                        .map(c -> CheckResult.notRun(c, "not run: the submission does not compile")).toList();
                return new GradeReport(lab, submission.name(), results,
                        compilation.notes() + "The submission does not compile:\n" + compilation.errors(),
                        new Timings(compile, Duration.ZERO, Duration.ZERO, compile));
            }
            CheckRun run = new CheckRun(compiled, classpath, redis, work, started + lab.limits().time().toNanos());
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
