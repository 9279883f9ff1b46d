package io.coursekit.site;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of the course that holds pages, at any depth: the course itself, a week, a day, or any folder such as
 * {@code guide/} or {@code special_lecture/terraform/}.
 *
 * @param folder   relative to the content folder, '/' separated; empty for the course itself
 * @param index    the folder's README.md, the section's own page; without one the site writes a page listing the section
 * @param children pages and sections in reading order, the index not among them
 * @param hidden   left out of the navigation by course.yaml; its pages are still written and may be linked to
 */
public record Section(String folder, SectionKind kind, int number, String title, Optional<Page> index,
                      List<CourseEntry> children, boolean hidden) implements CourseEntry {

    /** Where the section's page is written: its README's page, or the listing page coursekit writes for it. */
    public String outputPath() {
        return index.map(Page::outputPath).orElse(folder.isEmpty() ? "index.html" : folder + "/index.html");
    }

    /** The section's index page and every page below it in reading order, those of hidden sections too. */
    public Stream<Page> pages() {
        return Stream.concat(index.stream(), children.stream()
                .flatMap(child -> child instanceof Section s ? s.pages() : Stream.of((Page) child)));
    }

    /** What previous and next walk through: {@link #pages()} without hidden sections. */
    public Stream<Page> readingOrder() {
        return Stream.concat(index.stream(), children.stream().flatMap(child -> child instanceof Section s
                ? (s.hidden() ? Stream.empty() : s.readingOrder()) : Stream.of((Page) child)));
    }

    public Stream<Section> sections() {
        return Stream.concat(Stream.of(this), children.stream()
                .flatMap(child -> child instanceof Section s ? s.sections() : Stream.empty()));
    }
}
