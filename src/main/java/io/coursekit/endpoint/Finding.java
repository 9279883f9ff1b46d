package io.coursekit.endpoint;

/**
 * What one endpoint check found.
 *
 * @param detail what was seen when it passed, why it failed otherwise; always a sentence a student can act on
 */
record Finding(boolean passed, String detail) {

    static Finding pass(String seen) {
        return new Finding(true, seen);
    }

    static Finding fail(String why) {
        return new Finding(false, why);
    }
}
