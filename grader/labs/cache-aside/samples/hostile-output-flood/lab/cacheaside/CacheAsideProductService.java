package lab.cacheaside;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

/** Correct, with a synchronized loader against stampedes, except that deleteProduct prints 100 MB. */
public class CacheAsideProductService implements ProductService {
    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Object loadLock = new Object();

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
        synchronized (loadLock) {
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
        // debug dump left in: 1,048,576 lines of 100 bytes (99 characters and a newline) = 100 MiB
        String line = "deleted product " + id + " ".repeat(99 - ("deleted product " + id).length());
        for (int i = 0; i < 1024 * 1024; i++) {
            System.out.println(line);
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
