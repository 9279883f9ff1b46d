package io.coursekit.site;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A parsed page's headings with their GitHub ids: the anchors other pages may link to, and the table of contents. */
final class PageOutline {

    /** One heading: level 1–6, its plain text and id. */
    record Entry(int level, String text, String id) {
    }

    private final Map<Heading, String> ids = new IdentityHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    PageOutline(Node document) {
        HeadingIds slugger = new HeadingIds();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = plainText(heading).strip();
                String id = slugger.idFor(text);
                ids.put(heading, id);
                entries.add(new Entry(heading.getLevel(), text, id));
            }
        });
    }

    String idOf(Heading heading) {
        return ids.get(heading);
    }

    Set<String> anchors() {
        return entries.stream().map(Entry::id).collect(Collectors.toSet());
    }

    /** The h2 and h3 headings, which is what a reader wants on the side of a long session. */
    List<Entry> tableOfContents() {
        return entries.stream().filter(e -> e.level() == 2 || e.level() == 3).toList();
    }

    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}
