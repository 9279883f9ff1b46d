package lab.cacheaside;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

// Lab 2 - cache aside
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
        String key = "product:" + id;
        try {
            String json = redis.get(key);
            if (json != null) {
                return Optional.of(mapper.readValue(json, Product.class));
            }
        } catch (RedisException | JsonProcessingException e) {
            System.err.println("cache read failed: " + e.getMessage());
        }
        // cache miss -> database
        return repository.findById(id);
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        try {
            redis.del("product:" + product.id());
        } catch (RedisException e) {
            System.err.println("cache delete failed: " + e.getMessage());
        }
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean deleted = repository.deleteById(id);
        try {
            redis.del("product:" + id);
        } catch (RedisException e) {
            System.err.println("cache delete failed: " + e.getMessage());
        }
        return deleted;
    }
}
