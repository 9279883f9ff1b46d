package lab.cacheaside.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import lab.cacheaside.Product;

import java.util.Optional;

public class ProductCache {
    private static final long TTL_SECONDS = 300;

    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper = new ObjectMapper();

    public ProductCache(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    public Optional<Product> get(long id) {
        String json = redis.get(key(id));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(json, Product.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad cache entry " + key(id), e);
        }
    }

    public void put(Product product) {
        try {
            redis.set(key(product.id()), mapper.writeValueAsString(product), SetArgs.Builder.ex(TTL_SECONDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void evict(long id) {
        redis.del(key(id));
    }

    private String key(long id) {
        return "product:" + id;
    }
}
