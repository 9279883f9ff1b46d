package io.coursekit.grader;

import io.coursekit.lab.Lab;

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

    /** The API as a jar, for the class path of check JVMs: a class archive can only hold classes from jars. */
    Path apiJar() {
        return api.resolveSibling("api.jar");
    }

    /** The checks as a jar, loaded afresh for each submission, with its classes. */
    Path checksJar() {
        return checks.resolveSibling("checks.jar");
    }

    /** Where this compiled lab's {@link ClassArchive} is kept. */
    Path classArchive() {
        return api.resolveSibling("check-jvm.jsa");
    }
}
