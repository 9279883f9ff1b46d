package io.coursekit.batch;

import io.coursekit.UserError;
import io.coursekit.endpoint.EndpointAddress;
import io.coursekit.endpoint.EndpointGrader;
import io.coursekit.endpoint.StudentEndpoint;
import io.coursekit.grader.Intake;
import io.coursekit.grader.Reason;
import io.coursekit.grader.GradeReport;
import io.coursekit.lab.Lab;
import io.coursekit.report.ReportFolder;
import io.coursekit.report.StudentGrade;
import io.coursekit.report.Wording;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Scores every student's deployed endpoint by the lab's endpoint rubric, several at once since the checks mostly
 * wait on the network. A row whose URI or password variable is wrong costs only that student, as an unsafe zip does.
 */
public final class ClassEndpoints {
    private final Lab lab;
    private final Wording wording;
    private final GradebookFolder out;
    private final Optional<Path> caFile;
    private final Function<String, String> environment;

    /** @param environment where {@code password_env} names are looked up, {@code System::getenv} */
    public ClassEndpoints(Lab lab, Wording wording, GradebookFolder out, Optional<Path> caFile,
                          Function<String, String> environment) {
        this.lab = lab;
        this.wording = wording;
        this.out = out;
        this.caFile = caFile;
        this.environment = environment;
    }

    /** @return a row for every student, in no particular order */
    public List<StudentGrade> grade(List<EndpointRoster.Row> rows, int jobs, Map<String, Integer> previousScores,
                                    Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, rows.size())));
        try {
            List<Callable<StudentGrade>> work = new ArrayList<>();
            for (EndpointRoster.Row row : rows) {
                work.add(() -> {
                    StudentGrade grade = gradeOne(row).withPreviousScore(previousScores.get(row.student()));
                    grade.writeMarker(out.studentDir(row.student()));
                    progress.graded(grade);
                    return grade;
                });
            }
            List<StudentGrade> graded = new ArrayList<>();
            for (Future<StudentGrade> done : pool.invokeAll(work)) {
                graded.add(done.get());
            }
            return graded;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("the batch was interrupted; run the same command again to check the rest");
        } finally {
            pool.shutdownNow();
        }
    }

    private StudentGrade gradeOne(EndpointRoster.Row row) {
        GradeReport report;
        String problem = "";
        try {
            report = EndpointGrader.grade(lab, endpoint(row));
        } catch (UserError e) {
            problem = e.getMessage();
            report = GradeReport.notRun(lab, row.student(), lab.endpoint().orElseThrow().checks(),
                    Intake.notGraded(problem), new Reason.NotGraded(problem), EndpointGrader.ENDPOINTS_RUN_IN);
        }
        ReportFolder.write(report, wording, out.studentDir(row.student()));
        return StudentGrade.ofEndpoint(row.student(), row.uri(), report, problem);
    }

    private StudentEndpoint endpoint(EndpointRoster.Row row) {
        String where = "line " + row.line() + " (" + row.student() + "): ";
        EndpointAddress address;
        try {
            address = EndpointAddress.parse(row.uri());
        } catch (UserError e) {
            throw new UserError(where + e.getMessage());
        }
        Optional<String> password = Optional.empty();
        if (!row.passwordEnv().isEmpty()) {
            password = Optional.of(StudentEndpoint.password(row.passwordEnv(), where + "password_env", environment));
        } else if (!row.user().isEmpty()) {
            throw new UserError(where + "user " + row.user() + " needs password_env: the variable that holds its password");
        }
        return new StudentEndpoint(address, row.user().isEmpty() ? Optional.empty() : Optional.of(row.user()), password, caFile);
    }
}
