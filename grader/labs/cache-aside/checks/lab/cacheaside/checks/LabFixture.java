package lab.cacheaside.checks;

import io.coursekit.lab.check.AppServer;
import io.coursekit.lab.check.LabRedis;
import lab.cacheaside.Product;
import lab.cacheaside.ProductService;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What one check works with: the product table the student's code calls back, fresh service instances on the two
 * app servers, and a look into Redis that the fault proxy never cuts.
 */
final class LabFixture implements AutoCloseable {
    static final Product AMERICANO = new Product(42, "Americano", 4500, 120);

    final ProductTable table;
    private final ExecutorService studentThreads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "student-call");
        thread.setDaemon(true);
        return thread;
    });

    LabFixture(Product... products) {
        this.table = new ProductTable(products);
    }

    LabFixture() {
        this(AMERICANO);
    }

    /** A new instance of the submitted service on the first app server, on a Redis connection of its own. */
    StudentService newService() {
        return new StudentService(AppServer.first().newInstance(ProductService.class, table));
    }

    /** A new instance on the second app server: a JVM of its own, which shares nothing with the first but Redis. */
    StudentService newServiceOnSecondServer() {
        return new StudentService(AppServer.second().newInstance(ProductService.class, table));
    }

    /** Threads for calls that must not block the check: a call that hangs is abandoned, not waited for. */
    ExecutorService studentThreads() {
        return studentThreads;
    }

    boolean exists(String key) {
        return LabRedis.commands().exists(key) == 1;
    }

    long ttl(String key) {
        return LabRedis.commands().ttl(key);
    }

    List<String> keys() {
        return LabRedis.commands().keys("*");
    }

    @Override
    public void close() {
        studentThreads.shutdownNow();
    }
}
