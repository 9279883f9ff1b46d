package io.coursekit.site;

import io.coursekit.site.diagrams.MathFormulas;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.PostProcessor;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * TeX math as GitHub and pandoc read it: {@code $…$} in the text, {@code $$…$$} and {@code ```math} blocks on their own
 * line. A {@code $} opens math only before a non-space and closes it only after a non-space and not before a digit,
 * so prices ({@code $0.017/hour × 730시간 = $12.41}) stay text; {@code \$} is always a dollar sign.
 */
final class Formula extends CustomNode {
    private final String tex;
    private final boolean display;

    private Formula(String tex, boolean display) {
        this.tex = tex;
        this.display = display;
    }

    TexFormula on(Page page) {
        int line = page.firstLine() + (getSourceSpans().isEmpty() ? 0 : getSourceSpans().get(0).getLineIndex());
        return new TexFormula(tex, display, page.source(), line);
    }

    /** Every formula of a parsed page, in order. */
    static List<TexFormula> in(Page page, Node document) {
        List<TexFormula> formulas = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof Formula formula) {
                    formulas.add(formula.on(page));
                }
                visitChildren(node);
            }
        });
        return formulas;
    }

    /** Finds {@code $…$} and {@code $$…$$} while the page's text is parsed. */
    static final class Syntax implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return state -> parse(state.scanner());
        }

        private static ParsedInline parse(Scanner scanner) {
            int dollars = scanner.matchMultiple('$');
            Position start = scanner.position();
            if (dollars == 2) {
                return displayed(scanner, start);
            }
            if (dollars != 1 || isSpace(scanner.peek()) || scanner.peek() == Scanner.END) {
                return ParsedInline.none();
            }
            while (scanner.hasNext()) {
                char c = scanner.peek();
                if (c == '\n') {
                    return ParsedInline.none();
                }
                if (c == '\\') {
                    scanner.next();
                    scanner.next();
                    continue;
                }
                if (c == '$' && !isSpace((char) scanner.peekPreviousCodePoint())) {
                    Position end = scanner.position();
                    scanner.next();
                    if (!Character.isDigit(scanner.peek())) {
                        return ParsedInline.of(new Formula(scanner.getSource(start, end).getContent(), false), scanner.position());
                    }
                    continue;
                }
                scanner.next();
            }
            return ParsedInline.none();
        }

        private static ParsedInline displayed(Scanner scanner, Position start) {
            while (scanner.hasNext()) {
                if (scanner.peek() == '\\') {
                    scanner.next();
                    scanner.next();
                    continue;
                }
                if (scanner.peek() == '$') {
                    Position end = scanner.position();
                    if (scanner.matchMultiple('$') == 2) {
                        String tex = scanner.getSource(start, end).getContent().strip();
                        return tex.isEmpty() ? ParsedInline.none() : ParsedInline.of(new Formula(tex, true), scanner.position());
                    }
                    continue;
                }
                scanner.next();
            }
            return ParsedInline.none();
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n';
        }
    }

    /** Turns {@code ```math} blocks into displayed formulas, as GitHub shows them. */
    static final class Fences implements PostProcessor {
        @Override
        public Node process(Node document) {
            List<FencedCodeBlock> fences = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(FencedCodeBlock code) {
                    String info = code.getInfo() == null ? "" : code.getInfo().strip();
                    if (info.split("[\\s{]+", 2)[0].equals("math") && !code.getLiteral().isBlank()) {
                        fences.add(code);
                    }
                }
            });
            for (FencedCodeBlock fence : fences) {
                Paragraph paragraph = new Paragraph();
                paragraph.setSourceSpans(fence.getSourceSpans());
                Formula formula = new Formula(fence.getLiteral().strip(), true);
                formula.setSourceSpans(fence.getSourceSpans());
                paragraph.appendChild(formula);
                fence.insertBefore(paragraph);
                fence.unlink();
            }
            return document;
        }
    }

    /** The typeset formula; one that TeX cannot read becomes the page's problem and a box in its place. */
    static final class Renderer implements NodeRenderer {
        private final HtmlWriter html;
        private final MathFormulas formulas;
        private final Page page;
        private final Consumer<BuildProblem> problems;

        Renderer(HtmlNodeRendererContext context, MathFormulas formulas, Page page, Consumer<BuildProblem> problems) {
            this.html = context.getWriter();
            this.formulas = formulas;
            this.page = page;
            this.problems = problems;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Formula.class);
        }

        @Override
        public void render(Node node) {
            try {
                html.raw(formulas.toHtml(((Formula) node).on(page)));
            } catch (BuildProblem problem) {
                problems.accept(problem);
                html.tag("span", Map.of("class", "build-problem", "role", "alert", "data-block", "math"));
                html.text(problem.getMessage());
                html.tag("/span");
            }
        }
    }
}
