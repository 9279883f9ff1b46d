package io.coursekit.site;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders fenced code blocks: a registered {@link FencedBlockRenderer} takes its kind (mermaid, pricing, rubric);
 * any other block becomes {@code <pre><code class="language-x">} for the offline highlighter.
 */
final class FencedBlocks implements NodeRenderer {
    private final HtmlWriter html;
    private final List<FencedBlockRenderer> renderers;
    private final Page page;

    FencedBlocks(HtmlNodeRendererContext context, List<FencedBlockRenderer> renderers, Page page) {
        this.html = context.getWriter();
        this.renderers = renderers;
        this.page = page;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        FencedCodeBlock code = (FencedCodeBlock) node;
        FencedBlock block = blockOf(page, code);
        String language = block.info();
        for (FencedBlockRenderer renderer : renderers) {
            if (renderer.accepts(language)) {
                html.line();
                html.raw(renderer.toHtml(block));
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

    /** Every fenced block of a parsed page, in order. */
    static List<FencedBlock> in(Page page, Node document) {
        List<FencedBlock> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock code) {
                blocks.add(blockOf(page, code));
            }
        });
        return blocks;
    }

    private static FencedBlock blockOf(Page page, FencedCodeBlock code) {
        String info = code.getInfo() == null ? "" : code.getInfo().strip();
        String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
        int line = page.firstLine() + (code.getSourceSpans().isEmpty() ? 0 : code.getSourceSpans().get(0).getLineIndex());
        return new FencedBlock(language, code.getLiteral(), page.source(), line);
    }
}
