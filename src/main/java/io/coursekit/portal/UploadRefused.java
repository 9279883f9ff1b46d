package io.coursekit.portal;

import java.time.Instant;
import java.util.Optional;

/**
 * Why an upload is not taken: nothing of it is stored or graded. {@code detail} says what was wrong with the
 * upload in the grader's words, when there is more to say than the reason.
 */
public final class UploadRefused extends RuntimeException {

    /** Each reason with the HTTP status the API answers with. */
    public enum Reason {
        BAD_UPLOAD(400), NO_SOURCES(400), TOO_MANY_FILES(413), TOO_LARGE(413), CLOSED(403), RATE_LIMITED(429);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The code the API gives in {@code error}, and the key of the reason's words. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String detail;
    private final Optional<Instant> retryAt;

    UploadRefused(Reason reason, String detail, Optional<Instant> retryAt) {
        super(reason.code() + (detail.isEmpty() ? "" : ": " + detail));
        this.reason = reason;
        this.detail = detail;
        this.retryAt = retryAt;
    }

    UploadRefused(Reason reason, String detail) {
        this(reason, detail, Optional.empty());
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    /** When the student may submit again (rate limit), or when submissions closed. */
    public Optional<Instant> retryAt() {
        return retryAt;
    }
}
