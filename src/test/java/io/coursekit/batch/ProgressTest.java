package io.coursekit.batch;

import io.coursekit.report.StudentGrade;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    private static final StudentGrade ALICE = new StudentGrade("alice", "alice.zip", "", "lab", "Lab", 90, 100, List.of(),
            true, 3.2, "", null);

    @Test
    void aTerminalGetsOneBarRedrawnInPlaceWithTheTimeLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 4);

        progress.graded(ALICE);
        progress.finished();

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("[" + "·".repeat(30) + "] 0/4")
                .contains("\r\033[Kgraded alice: 90/100 (3.2 s)\n[" + "█".repeat(7) + "·".repeat(23) + "] 1/4  ETA ")
                .endsWith("\r\033[K");
    }

    @Test
    void aLogGetsPlainLinesWithoutControlCharacters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 4);

        progress.graded(ALICE);
        progress.graded(ALICE);
        progress.finished();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "graded alice: 90/100 (3.2 s) [1/4]\ngraded alice: 90/100 (3.2 s) [2/4]\n".replace("\n", System.lineSeparator()));
    }
}
