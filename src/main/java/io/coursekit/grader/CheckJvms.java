package io.coursekit.grader;

import java.io.IOException;

/**
 * The check JVMs of one grader: the warm one a clean submission left for the next, and a spare started ahead of
 * need (while the first submission compiles, or once a check runs long enough to look like it will be stopped), so
 * that no submission waits for a JVM to start. JVMs that write a class archive are never kept or spared.
 */
final class CheckJvms implements AutoCloseable {
    /** A JVM that many submissions have passed through is replaced, so nothing can pile up in it. */
    private static final int SUBMISSIONS_PER_JVM = 50;

    private CheckJvm warm;
    private CheckJvm spare;
    private CheckJvmSetup setup;

    /** The warm JVM, when it was started the same way and may take another submission; otherwise a new one. */
    synchronized CheckJvm take(CheckJvmSetup wanted) throws IOException {
        CheckJvm jvm = claim(wanted, true);
        if (jvm != null && jvm.submissions() < SUBMISSIONS_PER_JVM) {
            return jvm;
        }
        if (jvm != null) {
            jvm.close();
        }
        return fresh(wanted);
    }

    /** A JVM that has graded nothing yet: the spare, or one started now. */
    synchronized CheckJvm fresh(CheckJvmSetup wanted) throws IOException {
        CheckJvm jvm = claim(wanted, false);
        return jvm != null ? jvm : CheckJvm.launch(wanted);
    }

    /** Takes the warm JVM or the spare out of this pool, if it has one for this setup. */
    private CheckJvm claim(CheckJvmSetup wanted, boolean warmOne) {
        if (!reusable(wanted)) {
            return null;
        }
        forget(wanted);
        CheckJvm jvm = warmOne ? warm : spare;
        if (warmOne) {
            warm = null;
        } else {
            spare = null;
        }
        return jvm;
    }

    /**
     * Starts a JVM ahead of need, unless one is waiting already: before the first submission, or while one of its
     * checks runs long (the JVM it runs in was taken, so only a spare can be waiting).
     */
    synchronized void startSpare(CheckJvmSetup wanted) throws IOException {
        if (!reusable(wanted)) {
            return;
        }
        forget(wanted);
        if (warm == null && spare == null) {
            spare = CheckJvm.launch(wanted);
        }
    }

    /** Keeps a JVM for the next submission; one that writes a class archive must end to write it. */
    synchronized void keep(CheckJvm jvm, CheckJvmSetup from) {
        if (!reusable(from)) {
            jvm.close();
            return;
        }
        forget(from);
        if (warm != null) {
            warm.close();
        }
        warm = jvm;
    }

    @Override
    public synchronized void close() {
        endAll();
        setup = null;
    }

    private static boolean reusable(CheckJvmSetup setup) {
        return setup.exitGrace().isZero();
    }

    /** Ends the JVMs kept for another setup: they cannot grade this one. */
    private void forget(CheckJvmSetup wanted) {
        if (!wanted.equals(setup)) {
            endAll();
            setup = wanted;
        }
    }

    private void endAll() {
        for (CheckJvm jvm : new CheckJvm[] {warm, spare}) {
            if (jvm != null) {
                jvm.close();
            }
        }
        warm = null;
        spare = null;
    }
}
