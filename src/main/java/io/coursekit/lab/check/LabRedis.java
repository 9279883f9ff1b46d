package io.coursekit.lab.check;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Redis of a check. At the start of every check it is empty and reachable; student code reaches it only through
 * the grader's fault proxy, which {@link #cut()} and {@link #restore()} control, and as a user that cannot run
 * administrative commands. {@link #commands()} is the check's own connection, straight to Redis: the proxy never
 * cuts it.
 */
public final class LabRedis {

    /** What the judge plugs in; checks only use the static methods. */
    public interface Control {
        RedisCommands<String, String> commands();

        void cut();

        void restore();
    }

    private static volatile Control control;

    private LabRedis() {
    }

    /** Called by the judge before any check runs. */
    public static void install(Control judge) {
        control = judge;
    }

    /** The check's connection, for looking into Redis or setting it up: EXISTS, TTL, KEYS, SET, ... */
    public static RedisCommands<String, String> commands() {
        return control().commands();
    }

    /** Drops every open connection of the student's code and refuses new ones until {@link #restore()}. */
    public static void cut() {
        control().cut();
    }

    /**
     * Lets the student's code connect again; with {@code auto_reconnect: false} in lab.yaml, a connection that was cut
     * stays closed.
     */
    public static void restore() {
        control().restore();
    }

    private static Control control() {
        Control c = control;
        if (c == null) {
            throw new IllegalStateException("LabRedis is not installed: checks run only inside the coursekit judge");
        }
        return c;
    }
}
