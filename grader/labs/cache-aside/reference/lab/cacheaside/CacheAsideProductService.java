package lab.cacheaside;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Cache-aside over Redis: reads try the cache first and fill it on a miss, writes go to the database
 * and invalidate the cached copy. When Redis fails, everything is served by the database.
 */
public final class CacheAsideProductService implements ProductService {
    private static final Duration WAIT_FOR_LOADER = Duration.ofMillis(10);

    private final ProductRepository repository;
    private final ProductCache cache;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.cache = new ProductCache(redis);
    }

    @Override
    public Optional<Product> getProduct(long id) {
        try {
            Optional<Product> cached = cache.get(id);
            return cached.isPresent() ? cached : loadOnce(id);
        } catch (RedisException redisDown) {
            return repository.findById(id);
        }
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        cache.evict(product.id());
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean deleted = repository.deleteById(id);
        cache.evict(id);
        return deleted;
    }

    /** Lets one caller load a missing product from the database while concurrent callers wait for its result. */
    private Optional<Product> loadOnce(long id) {
        String owner = UUID.randomUUID().toString();
        long giveUpAt = System.nanoTime() + ProductCache.LOCK_TTL.toNanos();
        while (!cache.tryLock(id, owner)) {
            sleep(WAIT_FOR_LOADER);
            Optional<Product> loaded = cache.get(id);
            if (loaded.isPresent()) {
                return loaded;
            }
            if (System.nanoTime() > giveUpAt) {
                return repository.findById(id);
            }
        }
        try {
            Optional<Product> loadedMeanwhile = cache.get(id);
            if (loadedMeanwhile.isPresent()) {
                return loadedMeanwhile;
            }
            Optional<Product> row = repository.findById(id);
            row.ifPresent(cache::put);
            return row;
        } finally {
            cache.unlock(id, owner);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another reader to load the product", e);
        }
    }
}
