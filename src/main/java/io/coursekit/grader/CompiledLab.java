package io.coursekit.grader;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A lab pack's API and checks, compiled.
 *
 * @param apiTypes the fully qualified names of the API types, which submissions may not redefine
 * @param methods  the check methods in rubric order, one per check
 */
record CompiledLab(Lab lab, Path api, Path checks, Set<String> apiTypes, List<CheckMethod> methods) {
}
