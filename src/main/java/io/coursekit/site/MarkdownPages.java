package io.coursekit.site;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/** CommonMark plus GFM tables, strikethrough, autolinks and task lists; raw HTML passes through as on GitHub. */
final class MarkdownPages {
    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create(), TaskListItemsExtension.create());

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final List<FencedBlockRenderer> blockRenderers;

    MarkdownPages(List<FencedBlockRenderer> blockRenderers) {
        this.blockRenderers = List.copyOf(blockRenderers);
    }

    Node parse(Page page) {
        return parser.parse(page.markdown());
    }

    String render(Page page, Node document, PageOutline outline) {
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading heading) {
                        attributes.put("id", outline.idOf(heading));
                    }
                })
                .nodeRendererFactory(context -> new FencedBlocks(context, blockRenderers, page))
                .build();
        return renderer.render(document);
    }
}
