package io.coursekit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.UserError;
import io.coursekit.grader.CheckResult;
import io.coursekit.grader.GradeReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One student's line in a class's gradebook, as kept in {@code results.jsonl}: enough to rebuild the gradebook
 * and the class summary without the lab pack, so shards can be merged anywhere.
 *
 * @param submission    the folder or zip name it was graded from
 * @param lmsUserId     the LMS's user id found in that name (Canvas), empty when there was none
 * @param compiled      false when no check could run because the submission did not compile
 * @param problem       why it was not graded (an unsafe zip, the grader's own failure), empty when it was
 * @param previousScore the score before {@code --regrade}, null when it was not graded before
 */
public record StudentGrade(String student, String submission, String lmsUserId, String lab, String labTitle,
                           int score, int maxScore, List<CheckScore> checks, boolean compiled, double seconds,
                           String problem, @JsonInclude(JsonInclude.Include.NON_NULL) Integer previousScore) {
    /** The file in a student's report folder whose presence says the student is graded. */
    public static final String GRADED_MARKER = "gradebook-row.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public StudentGrade {
        checks = List.copyOf(checks);
    }

    /** @param passed whether the check passed; {@code score} is 0 when it did not */
    public record CheckScore(String id, int points, boolean extraCredit, boolean passed, int score) {
    }

    /** @param problem why the submission could not be graded at all, empty when it was graded */
    public static StudentGrade of(String student, String submission, String lmsUserId, GradeReport report, String problem) {
        return row(student, submission, lmsUserId, report, problem, report.intake().compiled());
    }

    /** A deployed endpoint's row: nothing is compiled, so an endpoint that answers nothing is not "did not compile". */
    public static StudentGrade ofEndpoint(String student, String uri, GradeReport report, String problem) {
        return row(student, uri, "", report, problem, true);
    }

    private static StudentGrade row(String student, String submission, String lmsUserId, GradeReport report,
                                    String problem, boolean compiled) {
        List<CheckScore> checks = report.results().stream().map(r -> new CheckScore(r.check().id(), r.check().points(),
                r.check().extraCredit(), r.passed(), r.score())).toList();
        return new StudentGrade(student, submission, lmsUserId, report.lab().id(), report.lab().title(), report.score(),
                report.maxScore(), checks, compiled, Math.round(report.timings().total().toMillis() / 10.0) / 100.0,
                problem, null);
    }

    public StudentGrade withPreviousScore(Integer previous) {
        return new StudentGrade(student, submission, lmsUserId, lab, labTitle, score, maxScore, checks, compiled,
                seconds, problem, previous);
    }

    public boolean graded() {
        return problem.isEmpty();
    }

    public String jsonLine() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the gradebook row of " + student, e);
        }
    }

    /** @param where the file and line, for the error when the line is not a gradebook row */
    public static StudentGrade fromJsonLine(String line, String where) {
        try {
            return JSON.readValue(line, StudentGrade.class);
        } catch (JsonProcessingException e) {
            throw new UserError(where + ": not a gradebook row written by coursekit batch: " + e.getOriginalMessage());
        }
    }

    /** Writes the row into the student's report folder, whole or not at all; only then is the student graded. */
    public void writeMarker(Path studentDir) {
        try {
            ReportFiles.write(studentDir.resolve(GRADED_MARKER), (jsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot write " + studentDir.resolve(GRADED_MARKER) + ": " + e.getMessage(), e);
        }
    }

    /** The row a finished grading left in {@code studentDir}, empty when the student is not graded there yet. */
    public static Optional<StudentGrade> readMarker(Path studentDir) {
        Path marker = studentDir.resolve(GRADED_MARKER);
        try {
            return Optional.of(fromJsonLine(Files.readString(marker, StandardCharsets.UTF_8).strip(), marker.toString()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UserError("cannot read " + marker + ": " + e.getMessage(), e);
        }
    }
}
