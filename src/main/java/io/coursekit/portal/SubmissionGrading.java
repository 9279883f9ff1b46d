package io.coursekit.portal;

import io.coursekit.UserError;
import io.coursekit.grader.CheckResult;
import io.coursekit.grader.CompiledSubmission;
import io.coursekit.grader.GradeReport;
import io.coursekit.grader.Grader;
import io.coursekit.grader.Submission;
import io.coursekit.grader.LabCache;
import io.coursekit.grader.Sandbox;
import io.coursekit.lab.Lab;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import io.coursekit.redis.RunningRedis;
import io.coursekit.report.ReportFolder;
import io.coursekit.report.StudentGrade;
import io.coursekit.report.Wording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The portal's one door into the grader: reading a lab's rubric, reading an upload's sources with the grader's own
 * safety, and grading a submission as {@code coursekit grade} does, sandboxed, with a Redis of its own and a judge
 * kept warm from one submission to the next.
 */
public final class SubmissionGrading implements AutoCloseable {
    private final Path labsDir;
    private final RunningRedis redis;
    private final Grader grader;
    private final Map<String, Lab> labs = new HashMap<>();

    /** Starts the Redis this grading empties before every check; student code runs in {@code sandbox}. */
    public SubmissionGrading(Path labsDir, RedisLauncher launcher, RedisMode redisMode, Sandbox sandbox) {
        this.labsDir = labsDir;
        this.redis = launcher.start(redisMode);
        this.grader = new Grader(LabCache.forThisUser(), redis.access(), sandbox);
    }

    /** The rubric of the lab {@code idOrPath} (an id under {@code labsDir} or a pack folder). */
    public static LabRubric rubric(String idOrPath, Path labsDir) {
        Lab lab = Lab.find(idOrPath, labsDir);
        return new LabRubric(lab.id(), lab.title(), lab.checks().stream().map(c -> new LabRubric.RubricCheck(c.id(),
                c.points(), c.extraCredit(), c.visibility().yamlName())).toList());
    }

    /**
     * The .java files of an upload (a folder or a .zip), read as {@code grade} reads a submission: an unsafe zip or
     * one that unpacks past the limits is a {@link UserError} that names only the upload's file name.
     */
    public static List<SourceFile> sources(Path upload) {
        try (Submission submission = Submission.open(upload)) {
            List<SourceFile> files = new ArrayList<>();
            for (Path file : submission.javaFiles()) {
                files.add(new SourceFile(submission.root().relativize(file).toString().replace('\\', '/'),
                        Files.readAllBytes(file)));
            }
            return files;
        } catch (IOException e) {
            throw new UserError(upload.getFileName() + ": cannot read the submission: " + e.getMessage(), e);
        } catch (UserError e) {
            throw new UserError(e.getMessage().replace(upload.toString(), upload.getFileName().toString()), e);
        }
    }

    /**
     * Grades {@code zip} for {@code job} and writes each view's reports ({@code results.json}, {@code report.html},
     * {@code junit.xml}) into {@code out/<view folder>}, leaving out a view that would show the same checks as a
     * wider one. {@code stage} hears {@link SubmissionStatus#COMPILING} and {@link SubmissionStatus#CHECKING}.
     *
     * @return the submission's gradebook row, over every check
     */
    public StudentGrade grade(GradingJob job, Path zip, Path out, Consumer<SubmissionStatus> stage) {
        // the first submission of a lab also waits for the lab pack to compile: the student sees that as compiling
        stage.accept(SubmissionStatus.COMPILING);
        Lab lab = labs.computeIfAbsent(job.lab(), id -> {
            Lab found = Lab.find(id, labsDir);
            grader.startCheckJvm(found);
            return found;
        });
        CompiledSubmission compiled;
        try (Submission submission = Submission.open(zip)) {
            compiled = grader.compile(lab, submission);
        }
        stage.accept(SubmissionStatus.CHECKING);
        GradeReport report = grader.check(compiled);
        Wording wording = Wording.of(job.language());
        Set<String> wider = null;
        for (ReportView view : reversed(ReportView.values())) {
            List<CheckResult> shown = report.results().stream()
                    .filter(r -> view.shows(r.check().visibility().yamlName())).toList();
            Set<String> ids = shown.stream().map(r -> r.check().id()).collect(Collectors.toSet());
            if (!ids.equals(wider)) {
                ReportFolder.write(new GradeReport(lab, report.submission(), shown, report.intake(), report.sandbox(),
                        report.timings()), wording, out.resolve(view.folder()));
            }
            wider = ids;
        }
        return StudentGrade.of(job.student(), job.name(), "", report, "");
    }

    /** Stops this grading's judges, compiler and Redis. */
    @Override
    public void close() {
        try (redis) {
            grader.close();
        }
    }

    private static List<ReportView> reversed(ReportView[] views) {
        List<ReportView> list = new ArrayList<>(List.of(views));
        Collections.reverse(list);
        return list;
    }
}
