package lab.cacheaside;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.util.Optional;

/**
 * Cache-aside with negative caching: a product that does not exist is cached too,
 * so repeated lookups of a bad id do not hit the database (cache penetration).
 */
public class CacheAsideProductService implements ProductService {
    private static final long TTL = 10 * 60;
    private static final long NOT_FOUND_TTL = 60;

    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper = new ObjectMapper();

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        String key = "product:" + id;
        String json;
        try {
            json = redis.get(key);
        } catch (RedisException e) {
            return repository.findById(id);
        }
        if (json != null) {
            try {
                return Optional.of(mapper.readValue(json, Product.class));
            } catch (IOException e) {
                throw new IllegalStateException("corrupt cache entry " + key, e);
            }
        }
        Optional<Product> product = repository.findById(id);
        try {
            // writeValueAsString(null) gives "null": remembers that the product does not exist
            long ttl = product.isPresent() ? TTL : NOT_FOUND_TTL;
            redis.set(key, mapper.writeValueAsString(product.orElse(null)), SetArgs.Builder.ex(ttl));
        } catch (RedisException | IOException e) {
            // skip caching
        }
        return product;
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        try {
            redis.del("product:" + product.id());
        } catch (RedisException e) {
            // stale for at most TTL
        }
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean deleted = repository.deleteById(id);
        try {
            redis.del("product:" + id);
        } catch (RedisException e) {
            // stale for at most TTL
        }
        return deleted;
    }
}
