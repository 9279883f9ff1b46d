package lab.cacheaside;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

public class CacheAsideProductService implements ProductService {

    private static final long TTL_SECONDS = 900; // 15 min: dynamic data (price, stock)

    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;
    private final ObjectMapper mapper = new ObjectMapper();

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        Optional<Product> cached = readCache(id);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Product> product = repository.findById(id);
        product.ifPresent(this::writeCache);
        return product;
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
        return deleted;
    }

    private Optional<Product> readCache(long id) {
        try {
            String json = redis.get(key(id));
            return json == null ? Optional.empty() : Optional.of(mapper.readValue(json, Product.class));
        } catch (RedisException | JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private void writeCache(Product product) {
        try {
            redis.set(key(product.id()), mapper.writeValueAsString(product), SetArgs.Builder.ex(TTL_SECONDS));
        } catch (RedisException | JsonProcessingException e) {
            // a miss next time, nothing worse
        }
    }

    private void evict(long id) {
        try {
            redis.del(key(id));
        } catch (RedisException e) {
            // stale for at most TTL_SECONDS
        }
    }

    private static String key(long id) {
        return "product:" + id;
    }
}
