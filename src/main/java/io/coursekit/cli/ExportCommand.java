package io.coursekit.cli;

import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the course in another shape for another tool.",
        footer = {"", "Example:", "  java -jar target/coursekit.jar export lms --out lms"},
        subcommands = {ExportLmsCommand.class})
final class ExportCommand {
}
