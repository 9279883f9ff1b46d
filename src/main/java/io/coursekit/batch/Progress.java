package io.coursekit.batch;

import io.coursekit.report.StudentGrade;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * How far a batch is: on a terminal, one bar redrawn in place with the time left; elsewhere (a log, CI, a test
 * reading the output) one plain line per graded student.
 */
public final class Progress {
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long started = System.nanoTime();
    private int done;

    public Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        if (terminal) {
            out.print(bar());
            out.flush();
        }
    }

    public synchronized void graded(StudentGrade grade) {
        done++;
        String line = String.format(Locale.ROOT, "graded %s: %d/%d (%.1f s)%s", grade.student(), grade.score(),
                grade.maxScore(), grade.seconds(), grade.graded() ? "" : " not graded: " + firstLine(grade.problem()));
        if (terminal) {
            out.print("\r\033[K" + line + "\n" + bar());
        } else {
            out.println(line + String.format(Locale.ROOT, " [%d/%d]", done, total));
        }
        out.flush();
    }

    public synchronized void finished() {
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    private String bar() {
        int filled = total == 0 ? BAR : BAR * done / total;
        long elapsed = System.nanoTime() - started;
        Duration left = Duration.ofNanos(done == 0 ? 0 : elapsed / done * (total - done));
        return String.format(Locale.ROOT, "[%s%s] %d/%d  ETA %dm%02ds", "█".repeat(filled), "·".repeat(BAR - filled),
                done, total, left.toMinutes(), left.toSecondsPart());
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
