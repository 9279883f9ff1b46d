package io.coursekit.lab.check;

/**
 * The Redis a check hands to student code: a real, empty server behind the grader's fault proxy.
 * At the start of every check Redis is empty and the proxy is open; the check runner sees to it.
 */
public final class LabRedis {

    /** What the check runner plugs in; checks only use the static methods. */
    public interface Control {
        String uri();

        void cut();

        void restore();
    }

    private static volatile Control control;

    private LabRedis() {
    }

    /** Called once by the check runner before any check runs. */
    public static void install(Control runnerControl) {
        control = runnerControl;
    }

    /** {@code redis://127.0.0.1:PORT} of the fault proxy. */
    public static String uri() {
        return control().uri();
    }

    /** Drops every open connection through the proxy and refuses new ones until {@link #restore()}. */
    public static void cut() {
        control().cut();
    }

    public static void restore() {
        control().restore();
    }

    private static Control control() {
        Control c = control;
        if (c == null) {
            throw new IllegalStateException("LabRedis is not installed: checks run only inside the coursekit check runner");
        }
        return c;
    }
}
