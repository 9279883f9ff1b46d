package io.coursekit.endpoint;

import io.coursekit.grader.Reason;

/**
 * What one endpoint check found.
 *
 * @param seen what was seen when it passed; a sentence a student can act on
 * @param why  why it failed; null when it passed
 */
record Finding(boolean passed, String seen, Reason why) {

    static Finding pass(String seen) {
        return new Finding(true, seen, null);
    }

    static Finding fail(Reason why) {
        return new Finding(false, "", why);
    }

    /** Failed, in the check's own words. */
    static Finding fail(String said) {
        return fail(new Reason.Said(said));
    }
}
