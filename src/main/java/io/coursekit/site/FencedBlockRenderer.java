package io.coursekit.site;

import java.util.List;

/** Turns fenced blocks of one kind (by info string) into HTML; the extension point for diagrams, pricing, rubrics. */
public interface FencedBlockRenderer {

    boolean accepts(String info);

    /**
     * Sees the blocks of its kind that are about to be rendered (every one of the course in a build, a saved page's in
     * serve), so a renderer can do their work together: diagrams are drawn in parallel. What is wrong with a block is
     * still thrown by {@link #toHtml}.
     */
    default void prepare(List<FencedBlock> blocks) {
    }

    /** @throws BuildProblem when the block cannot be rendered, with its file and line */
    String toHtml(FencedBlock block);
}
