package io.coursekit.portal;

import java.util.Optional;

/**
 * Who sent a request: a student or the instructor, signed in by a session cookie or by a token in
 * {@code Authorization: Bearer}; or nobody.
 *
 * @param session the browser session, empty for a token or nobody; cookie requests that change something must
 *                carry its CSRF token
 */
record Viewer(Optional<Student> student, boolean instructor, Optional<PortalStore.Session> session) {

    static final Viewer NOBODY = new Viewer(Optional.empty(), false, Optional.empty());

    boolean signedIn() {
        return student.isPresent() || instructor;
    }

    /** Whether this viewer may see {@code submission}: its student, or the instructor. */
    boolean maySee(StoredSubmission submission) {
        return instructor || student.map(s -> s.id().equals(submission.student())).orElse(false);
    }
}
