package lab.cacheaside;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

/**
 * Cache-Aside 패턴 구현.
 * 1. Redis 조회 -> 2. 없으면 DB 조회 -> 3. Redis 저장
 */
public class CacheAsideProductService implements ProductService {
    private static final String PREFIX = "product:";

    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;
    private final ObjectMapper objectMapper;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
        this.objectMapper = new ObjectMapper();
    }

    @Override
    public Optional<Product> getProduct(long id) {
        String cached = null;
        try {
            cached = redis.get(PREFIX + id);
        } catch (RedisException e) {
            // Redis 장애 -> DB로
        }
        if (cached != null) {
            try {
                return Optional.of(objectMapper.readValue(cached, Product.class));
            } catch (Exception e) {
                // 파싱 실패하면 DB에서 다시 읽음
            }
        }

        Optional<Product> product = repository.findById(id);
        if (product.isPresent()) {
            try {
                redis.set(PREFIX + id, objectMapper.writeValueAsString(product.get()));
            } catch (Exception e) {
                // 캐시 저장 실패는 무시
            }
        }
        return product;
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        evict(product.id());
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean result = repository.deleteById(id);
        evict(id);
        return result;
    }

    private void evict(long id) {
        try {
            redis.del(PREFIX + id);
        } catch (RedisException e) {
            // 무시
        }
    }
}
