package ${package};

import io.lettuce.core.api.sync.RedisCommands;

/** The reference: one INCR per visit. */
public class RedisVisitCounter implements VisitCounter {
    private final RedisCommands<String, String> redis;

    public RedisVisitCounter(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public long visit(String page) {
        return redis.incr("visits:" + page);
    }

    @Override
    public long visits(String page) {
        String count = redis.get("visits:" + page);
        return count == null ? 0 : Long.parseLong(count);
    }
}
