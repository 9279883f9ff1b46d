package io.coursekit.batch;

import io.coursekit.UserError;
import io.coursekit.grader.CompiledSubmission;
import io.coursekit.grader.GradeReport;
import io.coursekit.grader.Grader;
import io.coursekit.grader.Intake;
import io.coursekit.grader.Reason;
import io.coursekit.grader.Sandbox;
import io.coursekit.lab.Lab;
import io.coursekit.grader.Submission;
import io.coursekit.grader.LabCache;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import io.coursekit.redis.RunningRedis;
import io.coursekit.report.ReportFolder;
import io.coursekit.report.StudentGrade;
import io.coursekit.report.Wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Grades submissions with several workers, each with a Redis of its own so students never see each other's keys.
 * Each student's reports are written first and the gradebook row last, so a student whose row exists is graded.
 */
public final class ClassGrading {
    private final Lab lab;
    private final RedisLauncher launcher;
    private final RedisMode redis;
    private final LabCache labs;
    private final Sandbox sandbox;
    private final Wording wording;
    private final GradebookFolder out;
    private volatile Consumer<GradeReport> reports = report -> { };

    public ClassGrading(Lab lab, RedisLauncher launcher, RedisMode redis, LabCache labs, Sandbox sandbox, Wording wording,
                        GradebookFolder out) {
        this.lab = lab;
        this.launcher = launcher;
        this.redis = redis;
        this.labs = labs;
        this.sandbox = sandbox;
        this.wording = wording;
        this.out = out;
    }

    /** Hands every report to {@code listener} too, from the worker that graded it, once its files are written. */
    public ClassGrading reportingTo(Consumer<GradeReport> listener) {
        this.reports = listener;
        return this;
    }

    /**
     * @param previousScores scores of an earlier grading by student, shown as changes in the summary
     * @return a row for every entry, in no particular order
     */
    public List<StudentGrade> grade(List<Roster.Entry> entries, int jobs, Map<String, Integer> previousScores,
                                    Progress progress) {
        Queue<Roster.Entry> queue = new ConcurrentLinkedQueue<>(entries);
        Queue<StudentGrade> graded = new ConcurrentLinkedQueue<>();
        int workers = Math.max(1, Math.min(jobs, entries.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> work(queue, previousScores, graded, progress)));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            queue.clear();
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            queue.clear();
            Thread.currentThread().interrupt();
            throw new UserError("the batch was interrupted; run the same command again to grade the rest");
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(graded);
    }

    private void work(Queue<Roster.Entry> queue, Map<String, Integer> previousScores, Queue<StudentGrade> graded,
                      Progress progress) {
        // the next submission compiles while this one is in its checks
        ExecutorService ahead = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "compile-ahead");
            thread.setDaemon(true);
            return thread;
        });
        Future<Compiled> next = null;
        try (RunningRedis own = launcher.start(redis);
             Grader grader = new Grader(labs, own.access(), sandbox)) {
            next = ahead.submit(() -> compile(grader, queue.poll()));
            grader.startCheckJvm(lab);
            for (Compiled current; (current = next.get()) != null; ) {
                next = ahead.submit(() -> compile(grader, queue.poll()));
                Roster.Entry entry = current.entry();
                StudentGrade grade = check(grader, current).withPreviousScore(previousScores.get(entry.student()));
                grade.writeMarker(out.studentDir(entry.student()));
                graded.add(grade);
                progress.graded(grade);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            ahead.shutdownNow();
            discard(next);
        }
    }

    /** Deletes the classes of a submission compiled ahead that will not be checked. */
    private static void discard(Future<Compiled> next) {
        if (next == null || !next.isDone() || next.isCancelled()) {
            return;
        }
        try {
            Compiled compiled = next.get();
            if (compiled != null && compiled.submission() != null) {
                compiled.submission().close();
            }
        } catch (ExecutionException e) {
            // nothing was compiled, so nothing is left to delete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A student's submission compiled, or why it could not be read; null when the queue is empty. */
    private record Compiled(Roster.Entry entry, CompiledSubmission submission, String problem) {
    }

    private Compiled compile(Grader grader, Roster.Entry entry) {
        if (entry == null) {
            return null;
        }
        try (Submission submission = Submission.open(entry.source())) {
            return new Compiled(entry, grader.compile(lab, submission), "");
        } catch (UserError e) {
            // an unreadable or unsafe zip costs its student the grade, never the batch
            return new Compiled(entry, null,
                    e.getMessage().replace(entry.source().toString(), entry.source().getFileName().toString()));
        }
    }

    private StudentGrade check(Grader grader, Compiled compiled) {
        Roster.Entry entry = compiled.entry();
        GradeReport report;
        if (compiled.submission() != null) {
            report = grader.check(compiled.submission());
        } else {
            report = GradeReport.notRun(lab, entry.id().name(), lab.checks(), Intake.notGraded(compiled.problem()),
                    new Reason.NotGraded(compiled.problem()), sandbox.name());
        }
        ReportFolder.write(report, wording, out.studentDir(entry.student()));
        reports.accept(report);
        String problem = compiled.problem().isEmpty() ? wording.graderFailed(report).orElse("") : compiled.problem();
        return StudentGrade.of(entry.student(), entry.source().getFileName().toString(), entry.id().lmsUserId(),
                report, problem);
    }
}
