package io.coursekit.site;

import java.nio.file.Path;

/**
 * One Markdown file of the course.
 *
 * @param source      the file, as given under the content folder
 * @param path        the file's path relative to the content folder, with '/' separators
 * @param kind        overview (README), session, lab, challenge or other
 * @param title       from front matter, else the first heading, else the file name
 * @param order       sort key within its folder
 * @param markdown    the body, without front matter
 * @param firstLine   the 1-based line of the body's first line in the file
 */
public record Page(Path source, String path, PageKind kind, String title, int order, String markdown, int firstLine) {

    /** Where the page is written, relative to the site root: README.md becomes index.html. */
    public String outputPath() {
        return outputPathOf(path);
    }

    static String outputPathOf(String markdownPath) {
        String withoutExtension = markdownPath.substring(0, markdownPath.length() - ".md".length());
        return withoutExtension.equals("README") || withoutExtension.endsWith("/README")
                ? withoutExtension.substring(0, withoutExtension.length() - "README".length()) + "index.html"
                : withoutExtension + ".html";
    }

    /** "../../" from this page back to the site root, so links work from file:// too. */
    public String rootPrefix() {
        return "../".repeat((int) outputPath().chars().filter(c -> c == '/').count());
    }
}
