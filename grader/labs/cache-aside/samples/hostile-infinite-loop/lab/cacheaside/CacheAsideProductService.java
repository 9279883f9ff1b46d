package lab.cacheaside;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Correct, with a per-id lock against stampedes, except that deleteProduct never returns. */
public class CacheAsideProductService implements ProductService {
    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Long, Object> loadLocks = new ConcurrentHashMap<>();

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        Optional<Product> cached = cached(id);
        if (cached.isPresent()) {
            return cached;
        }
        synchronized (loadLocks.computeIfAbsent(id, k -> new Object())) {
            cached = cached(id);
            if (cached.isPresent()) {
                return cached;
            }
            Optional<Product> product = repository.findById(id);
            product.ifPresent(p -> {
                try {
                    redis.set("product:" + id, mapper.writeValueAsString(p), SetArgs.Builder.ex(600));
                } catch (Exception e) {
                    // not cached
                }
            });
            return product;
        }
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        evict(product.id());
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean deleted = repository.deleteById(id);
        evict(id);
        // wait until the eviction has "propagated": the condition never becomes false
        long spins = 0;
        while (spins >= 0) {
            spins = (spins + 1) % Long.MAX_VALUE;
        }
        return deleted;
    }

    private Optional<Product> cached(long id) {
        try {
            String json = redis.get("product:" + id);
            return json == null ? Optional.empty() : Optional.of(mapper.readValue(json, Product.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private void evict(long id) {
        try {
            redis.del("product:" + id);
        } catch (RedisException e) {
            // ignore
        }
    }
}
