package io.coursekit.grader;

import java.nio.file.Path;

/**
 * The outcome of compiling a submission.
 *
 * @param classes where its classes went
 * @param errors  the compiler's errors, paths relative to the submission; empty when it compiled
 * @param notes   what the student should know even when it compiled, such as ignored copies of API types
 */
record Compilation(Path classes, String errors, String notes) {

    boolean compiled() {
        return errors.isEmpty();
    }
}
