package io.coursekit.portal;

/**
 * One grading of one submission, as the queue carries it to a worker. A regrade is a new attempt, so a result of an
 * earlier attempt that arrives late changes nothing.
 *
 * @param sources the submission's sources as a zip, as the portal stored them
 */
public record GradingJob(String submission, int attempt, String student, int number, String lab, String language,
                         byte[] sources) {

    public String id() {
        return submission + ":" + attempt;
    }

    /** The name reports show for it: the student and the submission's number. */
    public String name() {
        return student + "-" + number;
    }
}
