package io.coursekit.site;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Renders fenced code blocks: a registered {@link FencedBlockRenderer} takes its kind (mermaid, pricing, rubric);
 * any other block becomes {@code <pre><code class="language-x">} for the offline highlighter. A block its renderer
 * refuses becomes a problem, and a box on the page saying what is wrong, so the rest of the page still renders.
 */
final class FencedBlocks implements NodeRenderer {
    private final HtmlWriter html;
    private final List<FencedBlockRenderer> renderers;
    private final Page page;
    private final Consumer<BuildProblem> problems;

    FencedBlocks(HtmlNodeRendererContext context, List<FencedBlockRenderer> renderers, Page page, Consumer<BuildProblem> problems) {
        this.html = context.getWriter();
        this.renderers = renderers;
        this.page = page;
        this.problems = problems;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        FencedCodeBlock code = (FencedCodeBlock) node;
        String info = code.getInfo() == null ? "" : code.getInfo().strip();
        String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
        int line = page.firstLine() + (code.getSourceSpans().isEmpty() ? 0 : code.getSourceSpans().get(0).getLineIndex());
        for (FencedBlockRenderer renderer : renderers) {
            if (renderer.accepts(language)) {
                html.line();
                try {
                    html.raw(renderer.toHtml(new FencedBlock(language, code.getLiteral(), page.source(), line)));
                } catch (BuildProblem problem) {
                    problems.accept(problem);
                    html.tag("div", Map.of("class", "build-problem", "role", "alert"));
                    html.text(problem.getMessage());
                    html.tag("/div");
                }
                html.line();
                return;
            }
        }
        html.line();
        html.tag("pre");
        html.tag("code", language.isEmpty() ? Map.of() : Map.of("class", "language-" + language));
        html.text(code.getLiteral());
        html.tag("/code");
        html.tag("/pre");
        html.line();
    }
}
