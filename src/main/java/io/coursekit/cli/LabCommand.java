package io.coursekit.cli;

import picocli.CommandLine.Command;

@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Write lab packs: check a pack before students meet it, or start a new one that passes.",
        subcommands = {LabCheckCommand.class, LabNewCommand.class})
final class LabCommand {
}
