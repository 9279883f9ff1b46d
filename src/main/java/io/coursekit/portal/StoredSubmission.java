package io.coursekit.portal;

import io.coursekit.report.StudentGrade;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A submission as the portal keeps it.
 *
 * @param number    the student's count of submissions, from 1
 * @param digest    of its sources, to know an identical re-upload
 * @param attempt   its grading: 1, then one more for each regrade
 * @param row       the gradebook row of its latest grading, over every check
 * @param views     the report folders that grading wrote ({@link ReportView#folder()})
 * @param gradings  how many gradings were stored for it, regrades included
 */
public record StoredSubmission(String id, String student, int number, Instant received, String digest, int files,
                               int attempt, SubmissionStatus status, String problem, Optional<StudentGrade> row,
                               List<String> views, Optional<Instant> graded, int gradings, String worker) {

    public StoredSubmission {
        views = List.copyOf(views);
    }

    public GradingJob job(String lab, String language, byte[] sources) {
        return new GradingJob(id, attempt, student, number, lab, language, sources);
    }
}
