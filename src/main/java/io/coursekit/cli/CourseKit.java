package io.coursekit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "coursekit",
        mixinStandardHelpOptions = true,
        versionProvider = CourseKitVersion.class,
        description = "Course sites, lab grading and endpoint checks for hands-on cloud courses.",
        subcommands = {BuildCommand.class, GradeCommand.class, BatchCommand.class, MergeCommand.class, BenchCommand.class})
public final class CourseKit implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new CourseKit()).setExecutionExceptionHandler(new UserErrorHandler()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
