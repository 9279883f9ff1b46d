package io.coursekit.site;

/** Turns fenced blocks of one kind (by info string) into HTML; the extension point for diagrams, pricing, rubrics. */
public interface FencedBlockRenderer {

    boolean accepts(String info);

    /** @throws BuildProblem when the block cannot be rendered, with its file and line */
    String toHtml(FencedBlock block);
}
