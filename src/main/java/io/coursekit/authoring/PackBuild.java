package io.coursekit.authoring;

import io.coursekit.grader.LabCache;
import io.coursekit.grader.ScratchFolder;
import io.coursekit.lab.Lab;
import io.coursekit.sandbox.Javac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pack's API and checks compiled as the grader compiles them (the checks against the API and the judge's
 * libraries alone), and its starter as a student's IDE compiles it (against the libraries students get), with the
 * lab's API copied into it unchanged and the class students write. The JDK's compiler runs in this process: a pack
 * is its author's own code.
 */
final class PackBuild {

    private static final Javac JAVAC = new Javac();

    private PackBuild() {
    }

    /** Problems compiling the API, then the checks; the checks are not compiled when the API does not. */
    static List<PackProblem> apiAndChecks(Lab lab, List<Path> judgeLibraries) {
        Path scratch = ScratchFolder.create("coursekit-lab-check-");
        try {
            List<Path> api = LabCache.sources(lab.apiDir());
            List<Path> checks = LabCache.sources(lab.checksDir());
            if (api.isEmpty()) {
                return List.of(new PackProblem(lab.apiDir(), 0, "no .java files: the lab's API types given to students go here"));
            }
            if (checks.isEmpty()) {
                return List.of(new PackProblem(lab.checksDir(), 0, "no .java files: the lab's check classes go here"));
            }
            List<PackProblem> problems = compile(lab.dir(), api, judgeLibraries, scratch.resolve("api"), "the API does not compile");
            if (problems.isEmpty()) {
                List<Path> classpath = new ArrayList<>(judgeLibraries);
                classpath.add(0, scratch.resolve("api"));
                problems = compile(lab.dir(), checks, classpath, scratch.resolve("checks"),
                        "the checks do not compile against the API and io.coursekit.lab.check alone");
            }
            return problems;
        } finally {
            ScratchFolder.delete(scratch);
        }
    }

    /**
     * Problems of {@code starter/}: its Java sources ({@code starter/src/main/java}, as its pom.xml has them) compile
     * against the student libraries, copy the API word for word, and hold the class students write.
     */
    static List<PackProblem> starter(Lab lab, Path studentLibraries) {
        Path starter = lab.dir().resolve("starter");
        Path sources = starter.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of(new PackProblem(starter, 0, "no src/main/java: the starter is the Maven project students "
                    + "download, with the API and a skeleton of " + lab.student().className()));
        }
        List<PackProblem> problems = new ArrayList<>();
        for (Path api : LabCache.sources(lab.apiDir())) {
            Path copy = sources.resolve(lab.apiDir().relativize(api).toString());
            if (!Files.isRegularFile(copy)) {
                problems.add(new PackProblem(copy, 0, "missing: the starter needs a copy of " + api));
            } else {
                firstDifference(api, copy).ifPresent(line -> problems.add(new PackProblem(copy, line,
                        "differs from " + api + ": students would code against another API than the grader's")));
            }
        }
        Path skeleton = sources.resolve(lab.student().className().replace('.', '/') + ".java");
        if (!Files.isRegularFile(skeleton)) {
            problems.add(new PackProblem(skeleton, 0, "missing: the starter needs a skeleton of the class students write, "
                    + lab.student().className()));
        }
        Path scratch = ScratchFolder.create("coursekit-lab-check-");
        try {
            problems.addAll(compile(lab.dir(), LabCache.sources(sources), List.of(studentLibraries),
                    scratch.resolve("starter"), "the starter does not compile"));
        } finally {
            ScratchFolder.delete(scratch);
        }
        return problems;
    }

    /** The first line where the two files differ, ignoring line endings; empty when they do not. */
    private static Optional<Integer> firstDifference(Path a, Path b) {
        try {
            List<String> left = Files.readAllLines(a, StandardCharsets.UTF_8);
            List<String> right = Files.readAllLines(b, StandardCharsets.UTF_8);
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                if (i >= left.size() || i >= right.size() || !left.get(i).equals(right.get(i))) {
                    return Optional.of(i + 1);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code sources} into {@code out}; each error is a problem at its line, after {@code what} went wrong. */
    private static List<PackProblem> compile(Path pack, List<Path> sources, List<Path> classpath, Path out, String what) {
        List<PackProblem> problems = new ArrayList<>();
        for (Javac.Error error : JAVAC.errors(sources, classpath, out, pack)) {
            String message = error.message().lines().map(String::strip).collect(Collectors.joining("; "));
            problems.add(new PackProblem(error.file().isEmpty() ? pack : pack.resolve(error.file()), error.line(),
                    what + ": " + message));
        }
        return problems;
    }
}
