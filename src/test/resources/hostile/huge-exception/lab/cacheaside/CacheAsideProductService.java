package lab.cacheaside;

import io.lettuce.core.api.sync.RedisCommands;

/** Correct, but its deleteProduct throws an exception whose message is 20 MB, to run the grader out of memory. */
public class CacheAsideProductService extends HonestService {
    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> redis) {
        super(repository, redis);
    }

    @Override
    public boolean deleteProduct(long id) {
        throw new IllegalStateException("x".repeat(20 * 1024 * 1024));
    }
}
