package io.coursekit.site;

import io.coursekit.site.search.PageText;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed page's headings with their GitHub ids: the anchors other pages may link to (with the ids and names of
 * raw HTML elements, which GitHub keeps too), and the table of contents.
 */
final class PageOutline {
    private static final Pattern HTML_ID = Pattern.compile("\\s(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

    /** One heading: level 1–6, its plain text and id. */
    record Entry(int level, String text, String id) {
    }

    private final Map<Heading, String> ids = new IdentityHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> anchors = new HashSet<>();

    PageOutline(Node document) {
        HeadingIds slugger = new HeadingIds();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = PageText.plain(heading);
                String id = slugger.idFor(text);
                ids.put(heading, id);
                entries.add(new Entry(heading.getLevel(), text, id));
                anchors.add(id);
            }

            @Override
            public void visit(HtmlBlock html) {
                htmlIds(html.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                htmlIds(html.getLiteral());
            }

            private void htmlIds(String html) {
                Matcher m = HTML_ID.matcher(html);
                while (m.find()) {
                    anchors.add(m.group(1));
                }
            }
        });
    }

    String idOf(Heading heading) {
        return ids.get(heading);
    }

    Set<String> anchors() {
        return anchors;
    }

    /** The h2 and h3 headings, which is what a reader wants on the side of a long session. */
    List<Entry> tableOfContents() {
        return entries.stream().filter(e -> e.level() == 2 || e.level() == 3).toList();
    }
}
