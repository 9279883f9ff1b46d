package io.coursekit.site;

import io.coursekit.site.search.PageText;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * A page's first paragraph as its meta description: about 160 characters, cut between words and never inside an
 * emoji's surrogate pair.
 */
final class Description {
    private static final int LENGTH = 160;

    private Description() {
    }

    static String of(Node document) {
        return cut(firstParagraph(document));
    }

    private static String firstParagraph(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            String text = child instanceof Paragraph ? PageText.plain(child).replaceAll("\\s+", " ") : firstParagraph(child);
            if (!text.isBlank()) {
                return text;
            }
        }
        return "";
    }

    static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= LENGTH) {
            return text;
        }
        int end = text.offsetByCodePoints(0, LENGTH);
        int space = text.lastIndexOf(' ', end);
        return text.substring(0, space > end / 2 ? space : end).strip() + "…";
    }
}
