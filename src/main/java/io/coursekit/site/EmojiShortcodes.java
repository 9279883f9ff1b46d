package io.coursekit.site;

import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns GitHub emoji shortcodes ({@code :rocket:}) in text into the emoji; code spans and blocks are left alone. */
final class EmojiShortcodes extends AbstractVisitor {
    private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+\\-]+:");

    static void replaceIn(Node document) {
        document.accept(new EmojiShortcodes());
    }

    @Override
    public void visit(Text text) {
        String literal = text.getLiteral();
        if (literal.indexOf(':') < 0) {
            return;
        }
        Matcher m = SHORTCODE.matcher(literal);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = EmojiManager.getByGithubAlias(m.group()).map(Emoji::getEmoji).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        text.setLiteral(out.toString());
    }
}
