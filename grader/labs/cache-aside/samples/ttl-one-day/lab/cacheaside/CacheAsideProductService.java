package lab.cacheaside;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public class CacheAsideProductService implements ProductService {
    // 상품 정보는 정적 데이터라서 1일
    private static final long TTL_SECONDS = 60 * 60 * 24;

    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        String key = key(id);
        try {
            Map<String, String> hash = redis.hgetall(key);
            if (hash != null && !hash.isEmpty()) {
                return Optional.of(new Product(
                        Long.parseLong(hash.get("id")),
                        hash.get("name"),
                        Long.parseLong(hash.get("priceCents")),
                        Integer.parseInt(hash.get("stock"))));
            }
        } catch (RedisException e) {
            return repository.findById(id);
        }

        Optional<Product> fromDb = repository.findById(id);
        fromDb.ifPresent(p -> {
            Map<String, String> hash = new HashMap<>();
            hash.put("id", String.valueOf(p.id()));
            hash.put("name", p.name());
            hash.put("priceCents", String.valueOf(p.priceCents()));
            hash.put("stock", String.valueOf(p.stock()));
            try {
                redis.hset(key, hash);
                redis.expire(key, TTL_SECONDS);
            } catch (RedisException e) {
                // cache is optional
            }
        });
        return fromDb;
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        try {
            redis.del(key(product.id()));
        } catch (RedisException ignored) {
        }
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean deleted = repository.deleteById(id);
        try {
            redis.del(key(id));
        } catch (RedisException ignored) {
        }
        return deleted;
    }

    private static String key(long id) {
        return "product:" + id;
    }
}
