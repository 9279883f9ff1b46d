package io.coursekit.lab;

import io.coursekit.UserError;

import java.nio.file.Path;

/** Something wrong in a lab pack, reported as {@code file:line: what}. */
public final class LabProblem extends UserError {
    private final Path file;
    private final int line;
    private final String what;

    public LabProblem(Path file, int line, String what) {
        super(file + ":" + line + ": " + what);
        this.file = file;
        this.line = line;
        this.what = what;
    }

    public LabProblem(Path file, String what) {
        super(file + ": " + what);
        this.file = file;
        this.line = 0;
        this.what = what;
    }

    public Path file() {
        return file;
    }

    /** The line of {@link #file()} it is on; 0 when it is about the whole file or folder. */
    public int line() {
        return line;
    }

    /** The problem without its place. */
    public String what() {
        return what;
    }
}
