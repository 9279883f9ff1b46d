package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

/**
 * Keeps its cache in the JVM's system properties, which every instance of one JVM shares whatever its class loader:
 * two instances on two app servers must still not see each other's cache.
 */
public class CacheAsideProductService extends HonestService {
    private final ProductRepository repository;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
        this.repository = repository;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        String cached = System.getProperty("cache.product." + id);
        if (cached != null) {
            String[] f = cached.split("\\|", -1);
            return Optional.of(new Product(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), Integer.parseInt(f[3])));
        }
        Optional<Product> row = repository.findById(id);
        row.ifPresent(p -> System.setProperty("cache.product." + id, p.id() + "|" + p.name() + "|" + p.priceCents() + "|" + p.stock()));
        return row;
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        System.clearProperty("cache.product." + product.id());
    }

    @Override
    public boolean deleteProduct(long id) {
        System.clearProperty("cache.product." + id);
        return repository.deleteById(id);
    }
}
