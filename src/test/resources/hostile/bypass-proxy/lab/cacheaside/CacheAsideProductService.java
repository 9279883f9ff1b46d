package lab.cacheaside;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks for the real Redis behind the fault proxy (REDIS_URL, the usual ports, every listening port in
 * /proc/net/tcp) and caches through what it finds, with no fallback: were that the real Redis, cutting the proxy
 * would not touch it and the outage check would pass. Prints what it reached.
 */
public class CacheAsideProductService implements ProductService {
    private final ProductRepository repository;
    private final RedisCommands<String, String> redis;

    public CacheAsideProductService(ProductRepository repository, RedisCommands<String, String> given) {
        this.repository = repository;
        RedisCommands<String, String> found = find();
        System.out.println("BYPASS found " + (found == null ? "nothing" : "a port") + "; REDIS_URL=" + System.getenv("REDIS_URL"));
        this.redis = found != null ? found : given;
    }

    private static RedisCommands<String, String> find() {
        List<Integer> ports = new ArrayList<>(List.of(6379, 6380, 26379));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length > 3 && parts[3].equals("0A")) {
                    ports.add(Integer.parseInt(parts[1].substring(parts[1].indexOf(':') + 1), 16));
                }
            }
        } catch (Exception e) {
            // no /proc/net/tcp to read
        }
        for (int port : ports) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return RedisClient.create("redis://127.0.0.1:" + port).connect().sync();
            } catch (Exception e) {
                // not there
            }
        }
        return null;
    }

    @Override
    public Optional<Product> getProduct(long id) {
        String cached = redis.get("product:" + id);
        if (cached != null) {
            String[] f = cached.split("\\|", -1);
            return Optional.of(new Product(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), Integer.parseInt(f[3])));
        }
        Optional<Product> row = repository.findById(id);
        row.ifPresent(p -> redis.set("product:" + id, p.id() + "|" + p.name() + "|" + p.priceCents() + "|" + p.stock(),
                SetArgs.Builder.ex(600)));
        return row;
    }

    @Override
    public void updateProduct(Product product) {
        repository.save(product);
        redis.del("product:" + product.id());
    }

    @Override
    public boolean deleteProduct(long id) {
        boolean deleted = repository.deleteById(id);
        redis.del("product:" + id);
        return deleted;
    }
}
