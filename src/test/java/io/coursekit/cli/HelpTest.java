package io.coursekit.cli;

import io.coursekit.testing.CommandRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every site command's --help: whole sentences and an example that runs the command. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"build", "serve", "bench", "bench build", "bench serve"})
    void helpHasWholeSentencesAndAnExample(String command) {
        String[] args = (command + " --help").split(" ");
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Example").contains("java -jar target/coursekit.jar " + command);
        String description = run.out().substring(run.out().indexOf('\n', run.out().indexOf("Usage:")) + 1);
        description = description.substring(description.indexOf('\n') + 1);
        for (String paragraph : description.split("\\R\\s*\\R|\\R(?=\\s*-)")[0].split("\\R(?=[A-Z])")) {
            String text = paragraph.strip();
            if (!text.isEmpty() && !text.startsWith("-") && !text.startsWith("[")) {
                assertThat(text).as("a paragraph of %s --help", command).endsWith(".");
            }
        }
        assertThat(CommandRun.of("--help").out()).as("the summary in coursekit --help").contains(firstSentence(run.out()));
    }

    private static String firstSentence(String help) {
        String afterUsage = help.substring(help.indexOf('\n', help.indexOf("Usage:")));
        String[] lines = afterUsage.strip().split("\\R");
        for (String line : lines) {
            if (!line.startsWith(" ")) {
                return line.strip().split(" ")[0] + " " + line.strip().split(" ")[1];
            }
        }
        return "";
    }
}
