package lab.cacheaside.checks;

import lab.cacheaside.Product;
import lab.cacheaside.ProductRepository;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The lab's database: an in-memory table that counts {@code findById} calls and can answer slowly. */
final class ProductTable implements ProductRepository {
    private final Map<Long, Product> rows = new ConcurrentHashMap<>();
    private final AtomicInteger findByIdCalls = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;

    ProductTable(Product... products) {
        for (Product product : products) {
            rows.put(product.id(), product);
        }
    }

    /** Every later call, from any method, takes this long before it answers. */
    void answerAfter(Duration perCall) {
        latency = perCall;
    }

    int findByIdCalls() {
        return findByIdCalls.get();
    }

    /** The row as the checks see it: not counted, no latency. */
    Optional<Product> row(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Product> findById(long id) {
        findByIdCalls.incrementAndGet();
        pause();
        return row(id);
    }

    @Override
    public void save(Product product) {
        pause();
        rows.put(product.id(), product);
    }

    @Override
    public boolean deleteById(long id) {
        pause();
        return rows.remove(id) != null;
    }

    private void pause() {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
