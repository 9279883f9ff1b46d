package io.coursekit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.logging.LogManager;

@Command(name = "coursekit",
        mixinStandardHelpOptions = true,
        versionProvider = CourseKitVersion.class,
        description = "Course sites, lab grading and endpoint checks for hands-on cloud courses.",
        subcommands = {BuildCommand.class, ServeCommand.class, ExportCommand.class, GradeCommand.class, BatchCommand.class,
                MergeCommand.class, EndpointCommand.class, PortalCommand.class, WorkerCommand.class, LabCommand.class,
                BenchCommand.class})
public final class CourseKit implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Lettuce and Netty log through java.util.logging; their warnings about closing would bury our own output
        LogManager.getLogManager().reset();
        int apart = OneShotJvm.runApart(args);
        System.exit(apart >= 0 ? apart : run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command line with its output and errors going to the given writers; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new CourseKit())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new UserErrorHandler())
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
