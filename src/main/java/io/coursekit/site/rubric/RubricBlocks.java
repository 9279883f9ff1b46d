package io.coursekit.site.rubric;

import io.coursekit.UserError;
import io.coursekit.lab.Check;
import io.coursekit.lab.EndpointRubric;
import io.coursekit.lab.Lab;
import io.coursekit.site.FencedBlock;
import io.coursekit.site.FencedBlockRenderer;
import io.coursekit.site.YamlSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static freemarker.template.utility.StringUtil.XHTMLEnc;

/**
 * Renders {@code ```rubric} blocks ({@code lab: cache-aside}) as the lab's rubric read from its {@code lab.yaml}, the
 * file the grader scores by, so a lab page can never promise other points than the grader gives.
 */
public final class RubricBlocks implements FencedBlockRenderer {
    private final Path labsDir;
    private final RubricWords words;
    private final Map<String, Lab> labs = new ConcurrentHashMap<>();

    /**
     * @param labsDir  the folder of lab packs, {@code grader/labs}
     * @param language the course's language, for the table's words and the hints
     */
    public RubricBlocks(Path labsDir, String language) {
        this.labsDir = labsDir;
        this.words = RubricWords.of(language);
    }

    @Override
    public boolean accepts(String info) {
        return "rubric".equals(info);
    }

    @Override
    public String toHtml(FencedBlock block) {
        RubricRequest request = YamlSource.read(block.body(), RubricRequest.class, block.file(), block.line() + 1);
        if (request.lab() == null || request.lab().isBlank()) {
            throw block.problemAt(1, "the rubric block names no lab (write 'lab: <lab id>', a folder of " + labsDir + ")");
        }
        Lab lab = lab(request.lab(), block);
        StringBuilder html = new StringBuilder("<div class=\"rubric\" data-lab=\"").append(XHTMLEnc(lab.id())).append("\">");
        html.append(table(lab.checks(), words.gradeCaption(lab)));
        lab.endpoint().map(EndpointRubric::checks).ifPresent(checks -> html.append(table(checks, words.endpointCaption(lab))));
        html.append("<p class=\"rubric-source\">").append(XHTMLEnc(words.source(lab))).append("</p></div>");
        return html.toString();
    }

    private Lab lab(String id, FencedBlock block) {
        try {
            return labs.computeIfAbsent(id, known -> Lab.find(known, labsDir));
        } catch (UserError e) {
            throw block.problemAt(1, "rubric block: " + e.getMessage());
        }
    }

    private String table(List<Check> checks, String caption) {
        StringBuilder html = new StringBuilder("<table><caption>").append(XHTMLEnc(caption)).append("</caption><thead><tr>");
        for (String heading : words.headings()) {
            html.append("<th>").append(XHTMLEnc(heading)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Check check : checks) {
            html.append("<tr data-check=\"").append(XHTMLEnc(check.id())).append("\"><td><code>")
                    .append(XHTMLEnc(check.id())).append("</code></td><td class=\"points\">")
                    .append(XHTMLEnc(words.points(check))).append("</td><td>")
                    .append(XHTMLEnc(words.visibility(check.visibility()))).append("</td><td>")
                    .append(XHTMLEnc(words.seconds(check.timeout()))).append("</td><td>")
                    .append(XHTMLEnc(words.hint(check))).append("</td></tr>");
        }
        html.append("</tbody><tfoot><tr><th>").append(XHTMLEnc(words.total())).append("</th><td class=\"points\">")
                .append(XHTMLEnc(words.total(checks))).append("</td><td colspan=\"3\"></td></tr></tfoot></table>");
        return html.toString();
    }

    /** What a rubric block asks for. */
    record RubricRequest(String lab) {
    }
}
