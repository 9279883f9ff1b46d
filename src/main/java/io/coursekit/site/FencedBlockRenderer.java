package io.coursekit.site;

import java.util.List;

/** Turns fenced blocks of one kind (by info string) into HTML; the extension point for diagrams, pricing, rubrics. */
public interface FencedBlockRenderer {

    boolean accepts(String info);

    /**
     * Sees every block of its kind in the course before any page is rendered, so a renderer can do their work
     * together (diagrams are drawn in parallel). Returns the problems found; the build reports them as its own.
     */
    default List<BuildProblem> prepare(List<FencedBlock> blocks) {
        return List.of();
    }

    /** @throws BuildProblem when the block cannot be rendered, with its file and line */
    String toHtml(FencedBlock block);
}
