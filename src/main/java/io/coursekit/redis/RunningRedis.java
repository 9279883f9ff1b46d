package io.coursekit.redis;

import java.net.URI;

/** A Redis the grader may use and wipe; closing it stops whatever the grader started for it. */
public final class RunningRedis implements AutoCloseable {
    private final RedisAccess access;
    private final String description;
    private final Runnable stop;
    private final Thread stopOnExit;

    RunningRedis(RedisAccess access, String description, Runnable stop) {
        this.access = access;
        this.description = description;
        this.stop = stop;
        this.stopOnExit = new Thread(stop, "stop-redis");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** The administrator's address, password included: for the grader only. */
    public URI uri() {
        return access.admin();
    }

    public RedisAccess access() {
        return access;
    }

    /** Where it came from, for the terminal: "redis-server on PATH (/usr/bin/redis-server)". */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            return;
        }
        stop.run();
    }
}
