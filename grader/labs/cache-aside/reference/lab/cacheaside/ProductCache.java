package lab.cacheaside;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.Optional;

/**
 * Products in Redis as JSON under {@code product:{id}}, plus the short-lived lock that lets one reader
 * load a missing product while the others wait for it.
 *
 * <p>Reads and locking throw {@link RedisException} so the caller can fall back to the database.
 * Writes are best effort: a lost write only costs a later miss, and a lost eviction leaves a stale
 * copy for at most the TTL.
 */
final class ProductCache {
    /** Price and stock are dynamic data: 5 to 30 minutes. */
    static final Duration TTL = Duration.ofMinutes(10);
    /** Longer than a slow database read, short enough that a crashed loader does not block readers for long. */
    static final Duration LOCK_TTL = Duration.ofSeconds(3);

    private static final String RELEASE_OWN_LOCK =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisCommands<String, String> redis;
    private final ObjectMapper json = new ObjectMapper();

    ProductCache(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    Optional<Product> get(long id) {
        String cached = redis.get(key(id));
        if (cached == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(cached, Product.class));
        } catch (JsonProcessingException unreadable) {
            evict(id);
            return Optional.empty();
        }
    }

    void put(Product product) {
        try {
            redis.set(key(product.id()), json.writeValueAsString(product), SetArgs.Builder.ex(TTL));
        } catch (JsonProcessingException | RedisException e) {
            // best effort, see the class comment
        }
    }

    void evict(long id) {
        try {
            redis.del(key(id));
        } catch (RedisException e) {
            // best effort, see the class comment
        }
    }

    /** True when this caller now holds the loading lock of product {@code id}. */
    boolean tryLock(long id, String owner) {
        return "OK".equals(redis.set(lockKey(id), owner, SetArgs.Builder.nx().px(LOCK_TTL)));
    }

    void unlock(long id, String owner) {
        try {
            redis.eval(RELEASE_OWN_LOCK, ScriptOutputType.INTEGER, new String[] {lockKey(id)}, owner);
        } catch (RedisException e) {
            // the lock expires by itself after LOCK_TTL
        }
    }

    private static String key(long id) {
        return "product:" + id;
    }

    private static String lockKey(long id) {
        return "lock:product:" + id;
    }
}
