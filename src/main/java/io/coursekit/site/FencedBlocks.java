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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders fenced code blocks: a registered {@link FencedBlockRenderer} takes its kind (mermaid, pricing, rubric);
 * any other block becomes {@code <pre><code class="language-x">} for the offline highlighter. A block its renderer
 * refuses becomes a problem, and a box on the page saying what is wrong, so the rest of the page still renders.
 */
final class FencedBlocks implements NodeRenderer {
    /** {@code title="main.tf"} after the language, as MkDocs Material and Docusaurus write it. */
    private static final Pattern TITLE = Pattern.compile("\\btitle=\"([^\"]*)\"");
    /** Lines to highlight: {@code {2,4-5}} (Docusaurus, Quarto) or {@code hl_lines="2 4-5"} (MkDocs). */
    private static final Pattern LINES = Pattern.compile("\\{([\\d,\\s-]+)\\}|\\bhl_lines=\"([\\d\\s,-]+)\"");
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
        FencedBlock block = blockOf(page, code);
        String language = block.info();
        for (FencedBlockRenderer renderer : renderers) {
            if (renderer.accepts(language)) {
                html.line();
                try {
                    html.raw(renderer.toHtml(block));
                } catch (BuildProblem problem) {
                    problems.accept(problem);
                    html.tag("div", Map.of("class", "build-problem", "role", "alert", "data-block", language));
                    html.text(problem.getMessage());
                    html.tag("/div");
                }
                html.line();
                return;
            }
        }
        String info = infoOf(code);
        Matcher title = TITLE.matcher(info);
        Matcher lines = LINES.matcher(info);
        html.line();
        if (title.find()) {
            html.tag("div", Map.of("class", "code-title"));
            html.text(title.group(1));
            html.tag("/div");
        }
        html.tag("pre", lines.find() ? Map.of("data-lines", (lines.group(1) != null ? lines.group(1) : lines.group(2)).trim()) : Map.of());
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
        String info = infoOf(code);
        String language = info.isEmpty() ? "" : info.split("[\\s{]+", 2)[0];
        int line = page.firstLine() + (code.getSourceSpans().isEmpty() ? 0 : code.getSourceSpans().get(0).getLineIndex());
        return new FencedBlock(language, code.getLiteral(), page.source(), line);
    }

    private static String infoOf(FencedCodeBlock code) {
        return code.getInfo() == null ? "" : code.getInfo().strip();
    }
}
