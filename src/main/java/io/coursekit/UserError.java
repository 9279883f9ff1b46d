package io.coursekit;

/**
 * A problem caused by what the user gave us (a file, an argument, an endpoint), not by a bug.
 * The CLI prints its message as it is, without a stack trace, and exits non-zero.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
