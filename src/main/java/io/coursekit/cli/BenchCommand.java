package io.coursekit.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure coursekit on this machine against a baseline timed in the same run.",
        footer = {"", "Examples:", "  java -jar target/coursekit.jar bench build", "  java -jar target/coursekit.jar bench serve",
                "  java -jar target/coursekit.jar bench diagrams", "  java -jar target/coursekit.jar bench grade --lab cache-aside",
                "  java -jar target/coursekit.jar bench batch --lab cache-aside --count 100 --jobs 2",
                "  java -jar target/coursekit.jar bench portal --lab cache-aside --submissions 100 --students 30"},
        subcommands = {BenchBuildCommand.class, BenchServeCommand.class, BenchDiagramsCommand.class, BenchGradeCommand.class,
                BenchBatchCommand.class, BenchPortalCommand.class})
final class BenchCommand {
}
