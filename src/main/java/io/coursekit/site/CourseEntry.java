package io.coursekit.site;

/** What a section holds: pages and other sections. */
public sealed interface CourseEntry permits Page, Section {
    String title();
}
