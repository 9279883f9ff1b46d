package io.coursekit.testing;

import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import io.coursekit.redis.RunningRedis;

import java.nio.file.Path;

/** One real Redis for all tests of a run (redis-server on PATH, or the embedded binary), stopped when the JVM exits. */
public final class SharedRedis {
    private static RunningRedis redis;

    private SharedRedis() {
    }

    public static synchronized RunningRedis get() {
        if (redis == null) {
            redis = new RedisLauncher(System.getenv()).start(new RedisMode.Auto());
        }
        return redis;
    }

    /** The repository root, as Maven passes it; tests read lab packs from there. */
    public static Path root() {
        return Path.of(System.getProperty("coursekit.root", "."));
    }
}
