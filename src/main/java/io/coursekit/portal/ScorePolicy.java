package io.coursekit.portal;

import java.util.Arrays;
import java.util.Optional;

/** Which of a student's graded submissions counts in the gradebook. */
public enum ScorePolicy {
    LAST("last"),
    BEST("best");

    private final String yamlName;

    ScorePolicy(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    static Optional<ScorePolicy> named(String name) {
        return Arrays.stream(values()).filter(p -> p.yamlName.equals(name)).findFirst();
    }
}
