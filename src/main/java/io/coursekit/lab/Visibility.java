package io.coursekit.lab;

import java.util.Arrays;
import java.util.Optional;

/** When students may see a check's result, with Gradescope's meaning. */
public enum Visibility {
    VISIBLE("visible"),
    AFTER_DUE_DATE("after_due_date"),
    HIDDEN("hidden");

    private final String yamlName;

    Visibility(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling in {@code lab.yaml} and in Gradescope's {@code results.json}. */
    public String yamlName() {
        return yamlName;
    }

    static Optional<Visibility> named(String name) {
        return Arrays.stream(values()).filter(v -> v.yamlName.equals(name)).findFirst();
    }
}
