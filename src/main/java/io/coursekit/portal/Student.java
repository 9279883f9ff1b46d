package io.coursekit.portal;

/**
 * One student of the roster.
 *
 * @param id        the id gradebooks use
 * @param lmsUserId the LMS's own user id (Canvas's ID column), empty when the roster has none
 */
public record Student(String id, String name, String email, String section, String lmsUserId) {
}
