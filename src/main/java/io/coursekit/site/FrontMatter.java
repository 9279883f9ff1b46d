package io.coursekit.site;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.nio.file.Path;

/** Optional YAML between {@code ---} lines at the top of a page; other keys are left to templates and ignored here. */
@JsonIgnoreProperties(ignoreUnknown = true)
record FrontMatter(String title, Integer order, Boolean draft, String description) {

    static final FrontMatter NONE = new FrontMatter(null, null, false, null);

    boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }

    /** The page's front matter and the body after it, with the body's first line number. */
    record Split(FrontMatter frontMatter, String body, int bodyLine) {
    }

    static Split split(String text, Path file) {
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            return new Split(NONE, text, 1);
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].equals("---") || lines[i].equals("...")) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                FrontMatter fm = yaml.isBlank() ? NONE : YamlSource.read(yaml, FrontMatter.class, file, 2);
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return new Split(fm, body, i + 2);
            }
        }
        throw new BuildProblem(file, 1, "front matter starts with '---' but has no closing '---' line");
    }
}
