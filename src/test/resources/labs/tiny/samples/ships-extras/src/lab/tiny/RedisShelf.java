package lab.tiny;

import io.lettuce.core.api.sync.RedisCommands;

public class RedisShelf implements Shelf {
    private final RedisCommands<String, String> redis;

    public RedisShelf(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public void put(String item, int count) {
        redis.set("shelf:" + item, String.valueOf(count));
    }

    @Override
    public int count(String item) {
        String value = redis.get("shelf:" + item);
        return value == null ? 0 : Integer.parseInt(value);
    }

    @Override
    public String motto() {
        return "tiny";
    }
}
