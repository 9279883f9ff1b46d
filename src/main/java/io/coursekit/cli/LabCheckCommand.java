package io.coursekit.cli;

import io.coursekit.authoring.PackProblem;
import io.coursekit.authoring.PackReview;
import io.coursekit.grader.LabCache;
import io.coursekit.grader.ScratchFolder;
import io.coursekit.redis.RedisLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Check a lab pack before students meet it, and print every problem as file:line: what.",
                "",
                "It reads lab.yaml as the grader does, holds the rubric to the @RubricCheck methods of checks/, "
                        + "wants a hint in Korean (ko) and in English (en) for every check, and compiles the API, "
                        + "the checks and the starter (which must copy the API unchanged). When those hold, it grades "
                        + "the reference and every sample as one class, sandboxed like batch: the reference must "
                        + "score full marks and each sample exactly what samples/expected.yaml says.",
                ""},
        footer = {"",
                "Exit status: 0 when the pack has no problem; 1 when it has any, or cannot be checked (no Redis, "
                        + "no sandbox without --unsandboxed).",
                "",
                "Example:",
                "  java -jar target/coursekit.jar lab check grader/labs/write-behind",
                "  java -jar target/coursekit.jar lab check --out checked grader/labs/cache-aside"})
final class LabCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redisOption;

    @Mixin
    SandboxOptions sandboxOption;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Submissions graded at once, each with its own Redis (default: the number of cores).")
    Integer jobs;

    @Option(names = "--out", paramLabel = "DIR", description = "Keep the reports and gradebook of the reference and "
            + "samples here, as batch writes them (default: a temporary folder, deleted at the end).")
    Path out;

    @Option(names = "--labs-dir", paramLabel = "DIR", defaultValue = "grader/labs",
            description = "Where to look for PACK when it is a lab id rather than a folder (default: ${DEFAULT-VALUE}).")
    Path labsDir;

    @Parameters(paramLabel = "PACK", description = "The lab pack folder, such as grader/labs/cache-aside, or a lab id.")
    String pack;

    @Override
    public Integer call() {
        PrintWriter print = spec.commandLine().getOut();
        Path folder = Files.isDirectory(Path.of(pack)) ? Path.of(pack) : labsDir.resolve(pack);
        Path reports = out != null ? out : ScratchFolder.create("coursekit-lab-check-");
        int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        try {
            PackReview.Outcome outcome = PackReview.review(folder, new PackReview.Grading(LabCache.forThisUser(),
                    new RedisLauncher(System.getenv()), redisOption.mode(), sandboxOption.forClass(), Math.max(1, workers),
                    System.out), reports);
            outcome.problems().forEach(print::println);
            String graded = outcome.graded() == 0 ? "the reference and samples were not graded"
                    : outcome.graded() + " graded (the reference and " + (outcome.graded() - 1) + " samples)"
                    + (out != null ? ", reports in " + out : "");
            print.println(folder + ": " + (outcome.problems().isEmpty() ? "no problems" : outcome.problems().size()
                    + " problem" + (outcome.problems().size() == 1 ? "" : "s")) + "; " + graded);
            return outcome.problems().isEmpty() ? 0 : UserErrorHandler.USER_ERROR;
        } finally {
            if (out == null) {
                ScratchFolder.delete(reports);
            }
        }
    }
}
