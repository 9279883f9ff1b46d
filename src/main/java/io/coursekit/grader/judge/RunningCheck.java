package io.coursekit.grader.judge;

import io.coursekit.grader.Reason;

import java.util.ArrayList;
import java.util.List;

/** What the judge saw of one check while it ran, beside what the check's own code found. */
final class RunningCheck {
    final String id;
    final long startedNanos = System.nanoTime();
    final CheckOutput output;
    private final List<String> notes = new ArrayList<>();
    /** Set when the judge stopped the check, or the submission's JVM ended: these outrank the check's own verdict. */
    private Reason stopped;
    private boolean outOfMemory;
    private boolean ran = true;

    RunningCheck(String id, int outputBytes) {
        this.id = id;
        this.output = new CheckOutput(outputBytes);
    }

    synchronized void stop(Reason why) {
        if (stopped == null) {
            stopped = why;
        }
    }

    synchronized Reason stopped() {
        return stopped;
    }

    /** Not run at all: its time was used up before it started. */
    synchronized void notRun(Reason why) {
        ran = false;
        stop(why);
    }

    synchronized boolean ran() {
        return ran;
    }

    synchronized void outOfMemory() {
        outOfMemory = true;
    }

    synchronized boolean ranOutOfMemory() {
        return outOfMemory;
    }

    synchronized void note(String note) {
        if (notes.size() < 20) {
            notes.add(note.length() > 500 ? note.substring(0, 500) : note);
        }
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    long millis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
