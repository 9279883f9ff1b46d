package io.coursekit.authoring;

import io.coursekit.grader.LabCache;
import io.coursekit.grader.Sandbox;
import io.coursekit.lab.Lab;
import io.coursekit.lab.LabProblem;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code coursekit lab check}: a lab pack reviewed as its students and the grader will meet it. lab.yaml is read as
 * the grader reads it; the rubric is held to the check methods and its hints to both languages; the API, the checks
 * and the starter are compiled; and, when all of that holds, the reference and every sample are graded as a class,
 * the reference for full marks and each sample for exactly what {@code samples/expected.yaml} says.
 */
public final class PackReview {

    /** How the reference and samples are graded: as {@code batch} grades, with {@code jobs} workers. */
    public record Grading(LabCache labs, RedisLauncher launcher, RedisMode redis, Sandbox sandbox, int jobs,
                          PrintStream progress) {
    }

    /**
     * @param problems in file and line order; none when the pack is ready for students
     * @param graded   how many submissions (the reference and the samples) were graded: none while the pack has
     *                 problems that stop its checks from running
     */
    public record Outcome(List<PackProblem> problems, int graded) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    private PackReview() {
    }

    /**
     * Every problem of the pack in {@code pack}.
     *
     * @param out where the graded reference and samples leave their reports and gradebook, as {@code batch} does
     */
    public static Outcome review(Path pack, Grading grading, Path out) {
        if (!Files.isRegularFile(pack.resolve("lab.yaml"))) {
            return new Outcome(List.of(new PackProblem(pack.resolve("lab.yaml"), 0, "missing: is " + pack + " a lab pack?")), 0);
        }
        Set<PackProblem> problems = new LinkedHashSet<>();
        List<PackProblem> rubric = RubricReview.problems(pack);
        Lab lab = null;
        int graded = 0;
        try {
            lab = Lab.load(pack);
        } catch (LabProblem e) {
            // the hints and rubric reviewed line by line may have found this one already
            if (rubric.stream().noneMatch(p -> p.file().equals(e.file()) && p.line() == e.line())) {
                problems.add(PackProblem.of(e));
            }
        }
        problems.addAll(rubric);
        if (lab != null) {
            problems.addAll(PackBuild.starter(lab, grading.labs().studentLibraries()));
            List<PackProblem> build = PackBuild.apiAndChecks(lab, grading.labs().judgeLibraries());
            problems.addAll(build);
            SampleExpectations samples = SampleExpectations.read(lab);
            problems.addAll(samples.problems());
            if (Files.isDirectory(lab.samplesDir().resolve(SampleGrading.REFERENCE))) {
                problems.add(new PackProblem(lab.samplesDir().resolve(SampleGrading.REFERENCE), 0,
                        "a sample may not be named '" + SampleGrading.REFERENCE + "': the reference is graded as that"));
            } else if (!Files.isDirectory(lab.referenceDir())) {
                problems.add(new PackProblem(lab.referenceDir(), 0, "missing: a pack's reference solution scores "
                        + "full marks, and the grader learns its class archives from it"));
            } else if (rubric.isEmpty() && build.isEmpty()) {
                try {
                    problems.addAll(SampleGrading.problems(lab, samples.expectations(), grading, out));
                    graded = samples.expectations().size() + 1;
                } catch (LabProblem e) {
                    problems.add(PackProblem.of(e));
                }
            }
        }
        List<PackProblem> ordered = new ArrayList<>(problems);
        ordered.sort(PackProblem.IN_FILE_ORDER);
        return new Outcome(ordered, graded);
    }
}
