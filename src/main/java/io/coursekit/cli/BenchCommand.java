package io.coursekit.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure coursekit on this machine against a baseline timed in the same run.",
        subcommands = {BenchBuildCommand.class, BenchDiagramsCommand.class, BenchGradeCommand.class, BenchBatchCommand.class})
final class BenchCommand {
}
