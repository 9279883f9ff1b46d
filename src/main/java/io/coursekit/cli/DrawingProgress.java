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

    /** ", 19 diagrams (3 drawn, 16 from the cache)" for the build's closing line. */
    static String summary(MermaidDiagrams.Tally tally) {
        if (tally.total() == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(", " + tally.total() + (tally.total() == 1 ? " diagram (" : " diagrams ("));
        text.append(tally.drawn()).append(" drawn, ").append(tally.cached()).append(" from the cache");
        if (tally.inBrowser() > 0) {
            text.append(", ").append(tally.inBrowser()).append(" left to the reader's browser");
        }
        return text.append(")").toString();
    }
}
