package io.coursekit.cli;

import io.coursekit.site.CourseSources;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Where build and serve read a course from. */
final class CourseSourceOptions {

    @Option(names = "--content", defaultValue = "content", paramLabel = "DIR",
            description = "The course sources (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "The course's own FreeMarker templates and static/ assets; anything missing falls back to the built-in look.")
    Path templates;

    @Option(names = "--labs-dir", paramLabel = "DIR",
            description = "The lab packs that ```rubric blocks name (default: grader/labs next to the content folder).")
    Path labs;

    CourseSources sources() {
        return new CourseSources(content, labs != null ? labs : CourseSources.defaultLabs(content), Optional.ofNullable(templates));
    }
}
