package io.coursekit.grader;

import java.io.IOException;

/**
 * The judge JVMs of one grader: the warm one that judged the last submission, for the next, and a spare started
 * ahead of need (while the first submission compiles), so that no submission waits for a judge to start. A judge
 * runs no student code, so keeping it warm costs no isolation. Judges that write a class archive are never kept.
 */
final class JudgeJvms implements AutoCloseable {
    /** A judge that many submissions have passed through is replaced, so no memory or state can pile up in it. */
    private static final int SUBMISSIONS_PER_JVM = 50;

    private JudgeJvm warm;
    private JudgeJvm spare;
    private JudgeJvm.Launch setup;

    /** The warm JVM, when it was started the same way and may take another submission; otherwise a new one. */
    synchronized JudgeJvm take(JudgeJvm.Launch wanted) throws IOException {
        JudgeJvm jvm = claim(wanted, true);
        if (jvm != null && jvm.submissions() < SUBMISSIONS_PER_JVM) {
            return jvm;
        }
        if (jvm != null) {
            jvm.close();
        }
        return fresh(wanted);
    }

    /** A JVM that has graded nothing yet: the spare, or one started now. */
    synchronized JudgeJvm fresh(JudgeJvm.Launch wanted) throws IOException {
        JudgeJvm jvm = claim(wanted, false);
        return jvm != null ? jvm : JudgeJvm.launch(wanted);
    }

    /** Takes the warm JVM or the spare out of this pool, if it has one for this setup. */
    private JudgeJvm claim(JudgeJvm.Launch wanted, boolean warmOne) {
        if (!reusable(wanted)) {
            return null;
        }
        forget(wanted);
        JudgeJvm jvm = warmOne ? warm : spare;
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
    synchronized void startSpare(JudgeJvm.Launch wanted) throws IOException {
        if (!reusable(wanted)) {
            return;
        }
        forget(wanted);
        if (warm == null && spare == null) {
            spare = JudgeJvm.launch(wanted);
        }
    }

    /** Keeps a JVM for the next submission; one that writes a class archive must end to write it. */
    synchronized void keep(JudgeJvm jvm, JudgeJvm.Launch from) {
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

    private static boolean reusable(JudgeJvm.Launch setup) {
        return setup.exitGrace().isZero();
    }

    /** Ends the JVMs kept for another setup: they cannot grade this one. */
    private void forget(JudgeJvm.Launch wanted) {
        if (!wanted.equals(setup)) {
            endAll();
            setup = wanted;
        }
    }

    private void endAll() {
        for (JudgeJvm jvm : new JudgeJvm[] {warm, spare}) {
            if (jvm != null) {
                jvm.close();
            }
        }
        warm = null;
        spare = null;
    }
}
