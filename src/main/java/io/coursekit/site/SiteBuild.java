package io.coursekit.site;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished build did.
 *
 * @param pages    pages written, the course home included
 * @param warnings problems that only warn (with --no-strict)
 */
public record SiteBuild(Path out, int pages, List<BuildProblem> warnings, long millis) {
}
