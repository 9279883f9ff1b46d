package ${package};

import io.lettuce.core.api.sync.RedisCommands;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Wrong on purpose: counts in a field, so another server never sees the visits. */
public class RedisVisitCounter implements VisitCounter {
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public RedisVisitCounter(RedisCommands<String, String> redis) {
    }

    @Override
    public long visit(String page) {
        return counts.merge(page, 1L, Long::sum);
    }

    @Override
    public long visits(String page) {
        return counts.getOrDefault(page, 0L);
    }
}
