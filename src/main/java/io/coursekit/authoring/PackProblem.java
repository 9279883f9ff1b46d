package io.coursekit.authoring;

import io.coursekit.lab.LabProblem;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong in a lab pack, where its author fixes it.
 *
 * @param line the line of {@code file}, 0 when the problem is about the whole file or folder
 */
public record PackProblem(Path file, long line, String what) {
    static final Comparator<PackProblem> IN_FILE_ORDER = Comparator.comparing((PackProblem p) -> p.file().toString())
            .thenComparingLong(PackProblem::line).thenComparing(PackProblem::what);

    static PackProblem of(LabProblem problem) {
        return new PackProblem(problem.file(), problem.line(), problem.what());
    }

    /** As the author's editor jumps to it: {@code file:line: what}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + what;
    }
}
