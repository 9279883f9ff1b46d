package io.coursekit.cli;

import io.coursekit.site.diagrams.MermaidDiagrams;

import java.io.PrintWriter;

/** Tells a build's user about its diagrams: notices as lines, and on a terminal a count redrawn in place. */
final class DrawingProgress implements MermaidDiagrams.Listener {
    private final PrintWriter err;
    private final boolean terminal;

    DrawingProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void notice(String line) {
        err.println("notice: " + line);
    }

    @Override
    public synchronized void drawn(int done, int total) {
        if (terminal) {
            err.print("\r\033[Kdrawing diagrams in Chromium: " + done + "/" + total + (done == total ? "\r\033[K" : ""));
            err.flush();
        }
    }

    /** ", 19 diagrams (3 drawn, 16 from the cache), 40 formulas (40 from the cache)" for the build's closing line. */
    static String summary(MermaidDiagrams diagrams) {
        return part(diagrams.tally(), "diagram", "drawn") + part(diagrams.formulas().tally(), "formula", "typeset");
    }

    private static String part(MermaidDiagrams.Tally tally, String thing, String made) {
        if (tally.total() == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(", " + tally.total() + " " + thing + (tally.total() == 1 ? " (" : "s ("));
        text.append(tally.drawn()).append(" ").append(made).append(", ").append(tally.cached()).append(" from the cache");
        if (tally.inBrowser() > 0) {
            text.append(", ").append(tally.inBrowser()).append(" left to the reader's browser");
        }
        return text.append(")").toString();
    }
}
