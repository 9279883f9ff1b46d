package io.coursekit.batch;

/**
 * Who handed in a submission, as read from its folder or zip name.
 *
 * @param name      the folder or zip name, without {@code .zip}
 * @param student   the id used for the report folder and the gradebook row
 * @param lmsUserId the LMS's user id when the name carried one (Canvas), else empty
 * @param rule      which naming rule gave the id: canvas, moodle, github-classroom, --id-pattern or as-is
 */
public record StudentId(String name, String student, String lmsUserId, String rule) {
}
