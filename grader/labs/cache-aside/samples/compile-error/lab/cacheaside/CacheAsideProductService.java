package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

public class CacheAsideProductService implements ProductService {
    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        String cached = redis.get("product:" + id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Product> product = repository.findById(id);
        product.ifPresent(p -> redis.setex("product:" + id, 600, p));
        return product;
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        redis.del("product:" + product.id());
    }

    @Override
    public boolean deleteProduct(long id) {
        redis.del("product:" + id);
        return repository.deleteById(id);
    }
}
