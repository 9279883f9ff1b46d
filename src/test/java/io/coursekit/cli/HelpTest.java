package io.coursekit.cli;

import io.coursekit.testing.CommandRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The site commands' --help: each paragraph a whole sentence, so nothing is cut mid-sentence, and an example. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"build", "serve", "export", "export lms", "bench", "bench build", "bench serve", "bench diagrams"})
    void everyParagraphIsWholeAndThereIsAnExample(String command) {
        CommandLine line = new CommandLine(new CourseKit());
        for (String name : command.split(" ")) {
            line = line.getSubcommands().get(name);
        }
        String[] description = line.getCommandSpec().usageMessage().description();
        assertThat(description).isNotEmpty();
        Arrays.stream(description).filter(p -> !p.isBlank())
                .forEach(paragraph -> assertThat(paragraph).as("a paragraph of %s --help", command).endsWith("."));
        CommandRun run = CommandRun.of((command + " --help").split(" "));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Example").contains("java -jar target/coursekit.jar " + command);
        String parent = command.contains(" ") ? command.substring(0, command.lastIndexOf(' ')) + " --help" : "--help";
        assertThat(CommandRun.of(parent.split(" ")).out().replaceAll("\\s+", " ")).as("the summary in the list of commands is whole")
                .contains(description[0].replaceAll("\\s+", " "));
    }
}
