package io.coursekit.site.search;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The whole text of a parsed page, cut into sections at its headings of level 1 to 3. Blocks are kept apart by a
 * space, so a heading, a table cell and the next paragraph never run into one word.
 */
public final class PageText {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Fenced blocks whose source is not reading text: diagrams, price and rubric definitions. */
    private static final Set<String> NOT_TEXT = Set.of("mermaid", "pricing", "rubric");

    private PageText() {
    }

    private static String collapseSpaces(StringBuilder text) {
        char[] chars = text.toString().toCharArray();
        int n = 0;
        boolean space = true;
        for (char c : chars) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                space = true;
            } else {
                if (space && n > 0) {
                    chars[n++] = ' ';
                }
                chars[n++] = c;
                space = false;
            }
        }
        return new String(chars, 0, n);
    }

    /** The words of a node and what it holds, as written: text and code spans, no markup. */
    public static String plain(Node node) {
        StringBuilder s = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                s.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                s.append(code.getLiteral());
            }
        });
        return s.toString().strip();
    }

    /** @param idOf the id a heading of this page was given */
    public static List<SearchSection> sections(Node document, Function<Heading, String> idOf) {
        List<SearchSection> sections = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String[] current = {"", ""};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() <= 3) {
                    flush();
                    current[0] = plain(heading);
                    current[1] = idOf.apply(heading);
                } else {
                    text.append(' ').append(plain(heading)).append(' ');
                }
            }

            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(FencedCodeBlock code) {
                String info = code.getInfo() == null ? "" : code.getInfo().strip();
                if (!NOT_TEXT.contains(info.isEmpty() ? "" : info.split("\\s+", 2)[0])) {
                    text.append(' ').append(code.getLiteral()).append(' ');
                }
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                text.append(' ').append(code.getLiteral()).append(' ');
            }

            @Override
            public void visit(HtmlBlock html) {
                text.append(' ').append(TAG.matcher(html.getLiteral()).replaceAll(" ")).append(' ');
            }

            @Override
            public void visit(HtmlInline html) {
                text.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block || parent instanceof CustomNode) {
                    text.append(' ');
                }
            }

            private void flush() {
                add(sections, current, text);
            }

        });
        add(sections, current, text);
        return sections;
    }

    private static void add(List<SearchSection> sections, String[] heading, StringBuilder text) {
        String words = collapseSpaces(text);
        if (!words.isEmpty() || !heading[0].isEmpty()) {
            sections.add(new SearchSection(heading[0], heading[1], words));
        }
        text.setLength(0);
    }
}
