package io.coursekit.portal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a submission is on its way to a score; {@code failed} means it could not be graded at all. */
public enum SubmissionStatus {
    QUEUED, COMPILING, CHECKING, GRADED, FAILED;

    /** The name the API and the store use. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == GRADED || this == FAILED;
    }

    public static Optional<SubmissionStatus> named(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }
}
