package io.coursekit.site.diagrams;

import io.coursekit.site.FencedBlock;
import io.coursekit.site.FencedBlockRenderer;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

/**
 * Mermaid blocks are drawn in the reader's browser by the Mermaid bundle shipped with the site, so diagrams follow
 * light and dark mode. The source stays in the page as escaped text; the browser turns it into an SVG.
 */
public final class MermaidDiagrams implements FencedBlockRenderer {

    @Override
    public boolean accepts(String info) {
        return info.equals("mermaid");
    }

    @Override
    public String toHtml(FencedBlock block) {
        String source = block.body().strip();
        if (source.isEmpty()) {
            throw block.problem("empty mermaid block: write the diagram between the fences");
        }
        return "<div class=\"diagram\"><pre class=\"mermaid\" data-line=\"" + block.line() + "\">"
                + XHTMLEnc(source) + "</pre></div>";
    }
}
