package io.coursekit.grader;

import io.coursekit.lab.Lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A lab pack's API and checks, compiled into a folder of the cache.
 *
 * @param apiTypes the fully qualified names of the API types, which submissions may not redefine
 * @param methods  the check methods in rubric order, one per check
 */
record CompiledLab(Lab lab, Path folder, Set<String> apiTypes, List<CheckMethod> methods) {

    /** The API, for the judge, the compiler and student JVMs alike. */
    Path apiJar() {
        return folder.resolve("api.jar");
    }

    /** The checks, loaded afresh in the judge for each submission. */
    Path checksJar() {
        return folder.resolve("checks.jar");
    }

    /** The class archive the judge's JVMs map. */
    Path judgeArchive() {
        return folder.resolve("judge.jsa");
    }

    /** The class archive student JVMs map. */
    Path studentArchive() {
        return folder.resolve("student.jsa");
    }
}
