package io.coursekit.site;

import io.coursekit.UserError;

import java.nio.file.Path;

/** One problem in the course sources, reported as {@code file:line: what}. */
public final class BuildProblem extends UserError {
    private final Path file;
    private final int line;

    public BuildProblem(Path file, int line, String what) {
        super(file + ":" + line + ": " + what);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
