package lab.cacheaside;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

public class CacheAsideProductService implements ProductService {

    private final ProductRepository repo;
    private final RedisCommands<String, String> redis;

    public CacheAsideProductService(ProductRepository repo, RedisCommands<String, String> redis) {
        this.repo = repo;
        this.redis = redis;
    }

    private String key(long id) {
        return "product-" + id;
    }

    // value format: name|priceCents|stock
    private static String encode(Product p) {
        return p.name() + "|" + p.priceCents() + "|" + p.stock();
    }

    private static Product decode(long id, String value) {
        String[] parts = value.split("\\|");
        return new Product(id, parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
    }

    @Override
    public Optional<Product> getProduct(long id) {
        try {
            String value = redis.get(key(id));
            if (value != null) {
                return Optional.of(decode(id, value));
            }
            Optional<Product> p = repo.findById(id);
            p.ifPresent(product -> redis.setex(key(id), 1800, encode(product)));
            return p;
        } catch (RedisException e) {
            return repo.findById(id);
        }
    }

    @Override
    public void updateProduct(Product product) {
        repo.save(product);
        try {
            redis.del(key(product.id()));
        } catch (RedisException e) {
            System.out.println("redis down, cache not invalidated");
        }
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean ok = repo.deleteById(id);
        try {
            redis.del(key(id));
        } catch (RedisException e) {
            System.out.println("redis down, cache not invalidated");
        }
        return ok;
    }
}
