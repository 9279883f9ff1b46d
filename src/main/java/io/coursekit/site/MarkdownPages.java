package io.coursekit.site;

import io.coursekit.site.diagrams.MathFormulas;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CommonMark plus GFM tables, strikethrough, autolinks, task lists, footnotes, alerts ({@code > [!NOTE]}) and math
 * ({@code $…$}, {@code $$…$$}, {@code ```math}); raw HTML passes through as on GitHub.
 */
final class MarkdownPages {
    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create(), TaskListItemsExtension.create(), FootnotesExtension.create());

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .postProcessor(new Alert.Finder())
            .postProcessor(new Formula.Fences())
            .customInlineContentParserFactory(new Formula.Syntax())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final List<FencedBlockRenderer> blockRenderers;
    private final MathFormulas formulas;
    private final Map<String, String> labels;

    MarkdownPages(List<FencedBlockRenderer> blockRenderers, MathFormulas formulas, Map<String, String> labels) {
        this.blockRenderers = List.copyOf(blockRenderers);
        this.formulas = formulas;
        this.labels = labels;
    }

    Node parse(Page page) {
        return parser.parse(page.markdown());
    }

    /**
     * Shows each block renderer its blocks on these pages, and the typesetter their formulas, before any of them
     * renders: diagrams are drawn and formulas typeset together.
     */
    void prepare(Collection<PageBuild> builds) {
        List<FencedBlock> blocks = builds.stream().flatMap(build -> FencedBlocks.in(build.page(), build.document()).stream()).toList();
        for (FencedBlockRenderer renderer : blockRenderers) {
            List<FencedBlock> mine = blocks.stream().filter(block -> renderer.accepts(block.info())).toList();
            if (!mine.isEmpty()) {
                renderer.prepare(mine);
            }
        }
        List<TexFormula> math = builds.stream().flatMap(build -> Formula.in(build.page(), build.document()).stream()).toList();
        if (!math.isEmpty()) {
            formulas.prepare(math);
        }
    }

    /** The page's HTML, links rewritten as resolved; a block that cannot be rendered becomes a problem box and a problem. */
    String render(PageBuild build, Consumer<BuildProblem> problems) {
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading heading) {
                        attributes.put("id", build.outline().idOf(heading));
                    } else if (node instanceof Link || node instanceof Image) {
                        String href = build.links().hrefs().get(node);
                        if (href != null) {
                            attributes.put(node instanceof Link ? "href" : "src", href);
                        }
                        if (node instanceof Image) {
                            attributes.put("loading", "lazy");
                        }
                    }
                })
                .nodeRendererFactory(context -> new FencedBlocks(context, blockRenderers, build.page(), problems))
                .nodeRendererFactory(context -> new Alert.Renderer(context, labels))
                .nodeRendererFactory(context -> new Formula.Renderer(context, formulas, build.page(), problems))
                .build();
        return renderer.render(build.document());
    }
}
