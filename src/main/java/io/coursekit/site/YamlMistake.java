package io.coursekit.site;

import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What the YAML parser stopped at, said the way an instructor fixes it, on the line to fix: an unclosed quote at the
 * line it opens, a list item indented unlike its neighbours at that item.
 *
 * @param line 1-based, in the YAML text
 */
record YamlMistake(int line, String what) {

    @SuppressWarnings("deprecation") // Jackson's only view of SnakeYAML's problem, its line and its context
    static YamlMistake of(MarkedYAMLException e, String text) {
        int lines = Math.max(1, (int) text.lines().count());
        int at = Math.min(lines, e.getProblemMark().getLine() + 1);
        int context = e.getContextMark() == null ? at : Math.min(lines, e.getContextMark().getLine() + 1);
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String where = e.getContext() == null ? "" : e.getContext();
        if (where.contains("quoted scalar")) {
            return new YamlMistake(context, "invalid YAML: the quoted value that starts on this line is never closed;"
                    + " end it with the same quote");
        }
        if (problem.contains("'<block sequence start>'") || problem.contains("'-'")) {
            return new YamlMistake(at, "invalid YAML: this list item is indented unlike the lines above it (the block that starts"
                    + " on line " + context + "); put every '- ' of one list at the same indent");
        }
        if (problem.contains("mapping values are not allowed")) {
            return new YamlMistake(at, "invalid YAML: a ':' where a plain value was expected; line keys up under their list"
                    + " item's text ('- folder: week_01' then 'title: …' under 'folder'), or quote a value that holds ': '");
        }
        if (problem.contains("cannot start any token") && problem.contains("\\t")) {
            return new YamlMistake(at, "invalid YAML: a tab; YAML indents with spaces only");
        }
        if (problem.contains("could not find expected ':'") || problem.contains("did not find expected key")) {
            return new YamlMistake(at, "invalid YAML: this line is not 'key: value' like the lines around it; check its"
                    + " indent and its ':'");
        }
        return new YamlMistake(at, "invalid YAML: " + problem + (where.isEmpty() ? "" : " (" + where + " that starts on line " + context + ")"));
    }
}
