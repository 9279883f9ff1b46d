package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.Optional;

/**
 * Lab 2: a cache-aside layer for products, in Redis.
 * Keys: product:{id}. TTL: 300 to 1800 seconds. When Redis fails, serve from the database.
 */
public class CacheAsideProductService implements ProductService {
    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        this.repository = repository;
        this.redis = redis;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        // TODO 1. read product:{id} from Redis; on a hit, return it without touching the database
        // TODO 2. on a miss, read the database and store the product in Redis with a TTL
        throw new UnsupportedOperationException("getProduct is not implemented yet");
    }

    @Override
    public void updateProduct(Product product) {
        // TODO write the database, then keep the cache correct (delete or overwrite product:{id})
        throw new UnsupportedOperationException("updateProduct is not implemented yet");
    }

    @Override
    public boolean deleteProduct(long id) {
        // TODO delete from the database and from Redis; return whether a row was deleted
        throw new UnsupportedOperationException("deleteProduct is not implemented yet");
    }
}
