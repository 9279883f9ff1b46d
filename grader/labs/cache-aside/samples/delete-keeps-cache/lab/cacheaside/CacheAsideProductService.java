package lab.cacheaside;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.Optional;

public class CacheAsideProductService implements ProductService {

    private static final Duration TTL = Duration.ofMinutes(15);

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
        } catch (Exception e) {
            return repository.findById(id);
        }
        Optional<Product> product = repository.findById(id);
        product.ifPresent(p -> {
            try {
                redis.setex(key, TTL.toSeconds(), mapper.writeValueAsString(p));
            } catch (Exception e) {
                // not cached this time
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
    }

    @Override
    public boolean deleteProduct(long id) {
        return repository.deleteById(id);
    }
}
