package ${package};

import io.lettuce.core.api.sync.RedisCommands;

/** Count visits in Redis, under the key visits:{page}. Keep this class name and constructor. */
public class RedisVisitCounter implements VisitCounter {
    private final RedisCommands<String, String> redis;

    public RedisVisitCounter(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public long visit(String page) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public long visits(String page) {
        throw new UnsupportedOperationException("TODO");
    }
}
