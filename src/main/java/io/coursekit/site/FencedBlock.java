package io.coursekit.site;

import java.nio.file.Path;

/**
 * A fenced code block of a page, with where it starts.
 *
 * @param info the first word of the info string ({@code mermaid}, {@code pricing}, {@code java})
 * @param body the block's text
 * @param file the Markdown file holding it
 * @param line the 1-based line of the opening fence
 */
public record FencedBlock(String info, String body, Path file, int line) {

    /** A problem on a line of the body; {@code bodyLine} is 1-based. */
    public BuildProblem problemAt(int bodyLine, String what) {
        return new BuildProblem(file, line + bodyLine, what);
    }

    public BuildProblem problem(String what) {
        return new BuildProblem(file, line, what);
    }
}
