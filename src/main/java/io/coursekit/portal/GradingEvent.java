package io.coursekit.portal;

/**
 * What a worker tells the portal about one grading: that it is compiling or checking, that it is graded (with the
 * gradebook row and the reports, zipped by view), or that it failed and why.
 *
 * @param entry   the event's id in the portal's stream, acknowledged once the portal has stored it
 * @param row     the gradebook row as JSON, empty unless graded
 * @param reports a zip of {@code <view>/<report file>}, empty unless graded
 * @param problem why it could not be graded, empty unless failed
 */
public record GradingEvent(String entry, String submission, int attempt, SubmissionStatus status, String worker,
                           String row, byte[] reports, String problem) {
}
