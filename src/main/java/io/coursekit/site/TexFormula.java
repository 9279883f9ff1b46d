package io.coursekit.site;

import java.nio.file.Path;

/**
 * A TeX formula of a page, with where it is.
 *
 * @param tex     the formula between its delimiters
 * @param display shown on a line of its own ({@code $$…$$} or a {@code math} block) rather than in the text ({@code $…$})
 * @param file    the Markdown file holding it
 * @param line    the 1-based line where it starts
 */
public record TexFormula(String tex, boolean display, Path file, int line) {

    public BuildProblem problem(String what) {
        return new BuildProblem(file, line, what);
    }
}
