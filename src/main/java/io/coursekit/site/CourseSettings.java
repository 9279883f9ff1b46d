package io.coursekit.site;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * content/course.yaml, which a course may leave out: every key is optional.
 *
 * @param weeks    the week folders to publish, in order (the older way to write {@code sections}); week folders it
 *                 leaves out are not published
 * @param sections folders to order, rename or hide from the navigation
 * @param ignore   glob patterns of paths, relative to the content folder, that are not part of the site
 * @param siteUrl  where the site is published ({@code https://example.org/course/}), for sitemap.xml and Open Graph
 * @param repoUrl  the course's repository, for "edit this page" links
 * @param editPath the path under {@code repoUrl} that edits a file, {@code edit/main} unless given
 * @param favicon  an image of the course folder to use as the site's icon
 */
record CourseSettings(String title, String language, String description, List<WeekEntry> weeks,
                      List<SectionEntry> sections, List<String> ignore,
                      @JsonProperty("site_url") String siteUrl, @JsonProperty("repo_url") String repoUrl,
                      @JsonProperty("edit_path") String editPath, String favicon) {

    static final CourseSettings NONE = new CourseSettings(null, null, null, null, List.of(), List.of(), null, null, null, null);

    CourseSettings {
        sections = sections == null ? List.of() : sections;
        ignore = ignore == null ? List.of() : ignore;
    }

    /** A week in course.yaml: just its folder ({@code - week_05}) or {@code {folder: week_05, title: ...}}. */
    record WeekEntry(String folder, String title) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static WeekEntry of(String folder) {
            return new WeekEntry(folder, null);
        }
    }

    /** A folder in course.yaml's {@code sections}: just its path, or {@code {path: guide, title: ..., hidden: true}}. */
    record SectionEntry(String path, String title, Boolean hidden) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static SectionEntry of(String path) {
            return new SectionEntry(path, null, null);
        }

        boolean isHidden() {
            return Boolean.TRUE.equals(hidden);
        }
    }
}
