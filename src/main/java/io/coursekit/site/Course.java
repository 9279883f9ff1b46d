package io.coursekit.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The course as read from its folder: settings and the tree of sections and pages.
 *
 * @param pages        every page the site has, hidden sections' too
 * @param readingOrder the pages previous and next walk through
 * @param unpublished  Markdown files that are no page, by path, with why
 * @param problems     pages that could not be read (they are empty pages of the site)
 * @param publishing   where the site and its sources live, from course.yaml
 */
public record Course(String title, String language, String description, Section root, List<Page> pages,
                     List<Page> readingOrder, Map<String, Section> sections, Map<String, Unpublished> unpublished,
                     List<BuildProblem> problems, Publishing publishing) {

    static Course of(String title, String language, String description, Section root, Map<String, Unpublished> unpublished,
                     List<BuildProblem> problems, Publishing publishing) {
        Map<String, Section> byFolder = new java.util.HashMap<>();
        root.sections().forEach(section -> byFolder.put(section.folder(), section));
        return new Course(title, language, description, root, root.pages().toList(), root.readingOrder().toList(),
                Map.copyOf(byFolder), Map.copyOf(unpublished), List.copyOf(problems), publishing);
    }

    /** The section a folder is, when it holds pages. */
    public Optional<Section> section(String folder) {
        return Optional.ofNullable(sections.get(folder));
    }

    /** The page that stands for the course itself: the top README, when there is one. */
    public Optional<Page> home() {
        return root.index();
    }
}
