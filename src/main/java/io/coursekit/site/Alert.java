package io.coursekit.site;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub alert: a block quote that starts with {@code [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]},
 * {@code [!WARNING]} or {@code [!CAUTION]}. Found once when the page is parsed, so the marker never reaches the text.
 */
final class Alert extends CustomBlock {
    private static final Pattern MARKER = Pattern.compile("^\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\]\\s*$", Pattern.CASE_INSENSITIVE);

    private final String kind;

    private Alert(String kind) {
        this.kind = kind;
    }

    String kind() {
        return kind;
    }

    /** Turns alert block quotes into alerts, their marker line removed. */
    static final class Finder implements PostProcessor {
        @Override
        public Node process(Node document) {
            for (Node node = document.getFirstChild(); node != null; ) {
                Node next = node.getNext();
                if (node instanceof BlockQuote quote && quote.getFirstChild() instanceof Paragraph first
                        && first.getFirstChild() instanceof Text marker) {
                    Matcher m = MARKER.matcher(marker.getLiteral());
                    if (m.matches() && (marker.getNext() == null || marker.getNext() instanceof SoftLineBreak)) {
                        Alert alert = new Alert(m.group(1).toLowerCase(Locale.ROOT));
                        alert.setSourceSpans(quote.getSourceSpans());
                        if (marker.getNext() != null) {
                            marker.getNext().unlink();
                        }
                        marker.unlink();
                        if (first.getFirstChild() == null) {
                            first.unlink();
                        }
                        while (quote.getFirstChild() != null) {
                            alert.appendChild(quote.getFirstChild());
                        }
                        quote.insertBefore(alert);
                        quote.unlink();
                    }
                }
                node = next;
            }
            return document;
        }
    }

    /** {@code <div class="alert alert-note">} with its title in the course's language; site.css draws the icon. */
    static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final Map<String, String> labels;

        Renderer(HtmlNodeRendererContext context, Map<String, String> labels) {
            this.context = context;
            this.html = context.getWriter();
            this.labels = labels;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Alert.class);
        }

        @Override
        public void render(Node node) {
            Alert alert = (Alert) node;
            html.line();
            html.tag("div", Map.of("class", "alert alert-" + alert.kind(), "role", "note"));
            html.tag("p", Map.of("class", "alert-title"));
            html.text(labels.getOrDefault("alert." + alert.kind(), alert.kind()));
            html.tag("/p");
            for (Node child = alert.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/div");
            html.line();
        }
    }
}
