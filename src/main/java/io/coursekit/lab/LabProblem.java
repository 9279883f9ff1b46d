package io.coursekit.lab;

import io.coursekit.UserError;

import java.nio.file.Path;

/** Something wrong in a lab pack, reported as {@code file:line: what}. */
public final class LabProblem extends UserError {

    public LabProblem(Path file, int line, String what) {
        super(file + ":" + line + ": " + what);
    }

    public LabProblem(Path file, String what) {
        super(file + ": " + what);
    }
}
