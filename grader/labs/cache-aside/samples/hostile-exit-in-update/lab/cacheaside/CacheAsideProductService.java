package lab.cacheaside;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

/** Correct, with stampede protection by a synchronized loader, except that updateProduct ends the JVM. */
public class CacheAsideProductService implements ProductService {
    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper = new ObjectMapper();

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        Optional<Product> cached = cached(id);
        return cached.isPresent() ? cached : load(id);
    }

    private synchronized Optional<Product> load(long id) {
        Optional<Product> cached = cached(id);
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

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        try {
            redis.del("product:" + product.id());
        } catch (RedisException e) {
            // ignore
        }
        System.exit(3);
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean deleted = repository.deleteById(id);
        try {
            redis.del("product:" + id);
        } catch (RedisException e) {
            // ignore
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
}
