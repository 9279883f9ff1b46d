package io.coursekit.lab.check;

import java.time.Duration;

/**
 * One of the student's app servers: a JVM of the submission's own, in a sandbox, where the student's class runs.
 * Checks never load the student's classes: {@link #newInstance} hands them an object of the lab's API interface whose
 * every call goes to that JVM and back. Two instances on {@link #first()} share a JVM, as two objects on one server
 * do; an instance on {@link #second()} shares nothing with them but Redis.
 */
public final class AppServer {

    /** What the judge plugs in; checks only use {@link #first()}, {@link #second()} and their instances. */
    public interface Backend {
        <T> T newInstance(int server, Class<T> api, Object... callbacks);

        Duration roundTrip(int server);
    }

    private static final AppServer FIRST = new AppServer(0);
    private static final AppServer SECOND = new AppServer(1);
    private static volatile Backend backend;

    private final int server;

    private AppServer(int server) {
        this.server = server;
    }

    /** Called by the judge before any check runs. */
    public static void install(Backend judge) {
        backend = judge;
    }

    /** The app server a check's instances are on unless it needs a second one. */
    public static AppServer first() {
        return FIRST;
    }

    /** Another app server: a JVM of its own, sharing nothing with {@link #first()} but Redis. */
    public static AppServer second() {
        return SECOND;
    }

    /**
     * A new instance of the class the lab asks students to write ({@code student.class} in lab.yaml), with fresh
     * static fields, built with a public constructor whose parameters are among {@code callbacks} (objects of the
     * check's that implement lab API interfaces; the student's calls on them come back to this JVM) and Redis
     * connections of its own.
     *
     * @throws StudentClassError when the submission has no such class, or it cannot be built
     */
    public <T> T newInstance(Class<T> api, Object... callbacks) {
        return backend().newInstance(server, api, callbacks);
    }

    /**
     * One bare round trip to this server and to Redis over the student's own path to it: what a call costs here
     * before the student's code does anything. Timing checks weigh their measurements against it.
     */
    public Duration roundTrip() {
        return backend().roundTrip(server);
    }

    private static Backend backend() {
        Backend b = backend;
        if (b == null) {
            throw new IllegalStateException("AppServer is not installed: checks run only inside the coursekit judge");
        }
        return b;
    }
}
