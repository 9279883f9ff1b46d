package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;
import lab.cacheaside.cache.ProductCache;

import java.util.Optional;

public class CacheAsideProductService implements ProductService {
    private final ProductRepository repository;
    private final ProductCache cache;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.cache = new ProductCache(redis);
    }

    @Override
    public Optional<Product> getProduct(long id) {
        Optional<Product> cached = cache.get(id);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Product> product = repository.findById(id);
        product.ifPresent(cache::put);
        return product;
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        cache.evict(product.id());
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean deleted = repository.deleteById(id);
        cache.evict(id);
        return deleted;
    }
}
