package io.coursekit.site;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a site is built from.
 *
 * @param content   the course folder, {@code content/}
 * @param labs      the lab packs that {@code ```rubric} blocks name, {@code grader/labs/}
 * @param templates the course's own templates, when it brings them
 */
public record CourseSources(Path content, Path labs, Optional<Path> templates) {

    /** A course laid out as the project is: {@code grader/labs/} next to the content folder, the built-in look. */
    public static CourseSources of(Path content) {
        return new CourseSources(content, defaultLabs(content), Optional.empty());
    }

    public static Path defaultLabs(Path content) {
        Path parent = content.toAbsolutePath().normalize().getParent();
        return (parent == null ? Path.of("") : parent).resolve("grader").resolve("labs");
    }
}
