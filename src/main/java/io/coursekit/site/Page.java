package io.coursekit.site;

import java.nio.file.Path;
import java.util.Locale;

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
 * @param description from front matter, for search engines and link previews; null to take the page's first words
 */
public record Page(Path source, String path, PageKind kind, String title, int order, String markdown, int firstLine,
                   String description) implements CourseEntry {

    /** Where the page is written, relative to the site root: README.md becomes index.html. */
    public String outputPath() {
        return outputPathOf(path);
    }

    static String outputPathOf(String markdownPath) {
        String withoutExtension = markdownPath.substring(0, markdownPath.length() - ".md".length());
        int slash = withoutExtension.lastIndexOf('/');
        String name = withoutExtension.substring(slash + 1);
        return name.toLowerCase(Locale.ROOT).equals("readme")
                ? withoutExtension.substring(0, slash + 1) + "index.html"
                : withoutExtension + ".html";
    }

    /** The folder holding the page, relative to the content folder; empty at the top. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** "../../" from this page back to the site root, so links work from file:// too. */
    public String rootPrefix() {
        return rootPrefixOf(outputPath());
    }

    static String rootPrefixOf(String outputPath) {
        return "../".repeat((int) outputPath.chars().filter(c -> c == '/').count());
    }
}
