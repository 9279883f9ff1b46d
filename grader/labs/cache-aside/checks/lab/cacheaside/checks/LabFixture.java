package lab.cacheaside.checks;

import io.coursekit.lab.check.LabRedis;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import lab.cacheaside.Product;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What one check works with: the product table, fresh service instances each on its own Redis
 * connection, and the checker's own connection for looking into Redis.
 */
final class LabFixture implements AutoCloseable {
    static final Product AMERICANO = new Product(42, "Americano", 4500, 120);

    /** The environment the lab promises: the student's commands time out after 500 ms. */
    private static final Duration STUDENT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    /** Connecting (and the handshake's commands) may be slow in a JVM that has just started on a busy machine. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // Without auto-reconnect a cut connection rejects commands at once, so a fallback is never slowed
    // by reconnect attempts.
    private static final ClientOptions STUDENT_OPTIONS = ClientOptions.builder()
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
            .build();
    /** Shared by the checks of one submission and shut down after them, so no thread outlives the submission. */
    private static final ClientResources RESOURCES = DefaultClientResources.create();

    final ProductTable table = new ProductTable(AMERICANO);
    private final List<RedisClient> clients = new ArrayList<>();
    private final ExecutorService studentThreads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "student-call");
        thread.setDaemon(true);
        return thread;
    });
    // Connected first, so a cold JVM has loaded the client's code before the student's 500 ms timeouts start.
    private final RedisCommands<String, String> inspector = connect(ClientOptions.create()).sync();

    /** A new instance of the submitted service, on a Redis connection of its own. */
    StudentService newService() {
        StatefulRedisConnection<String, String> connection = connect(STUDENT_OPTIONS);
        connection.setTimeout(STUDENT_COMMAND_TIMEOUT);
        return new StudentService(Submission.newService(table, connection.sync()));
    }

    /** Threads for calls that must not block the check: a call that hangs is abandoned, not waited for. */
    ExecutorService studentThreads() {
        return studentThreads;
    }

    boolean exists(String key) {
        return inspector.exists(key) == 1;
    }

    long ttl(String key) {
        return inspector.ttl(key);
    }

    List<String> keys() {
        return inspector.keys("*");
    }

    @Override
    public void close() {
        studentThreads.shutdownNow();
        clients.forEach(client -> client.shutdown(Duration.ZERO, Duration.ofSeconds(1)));
    }

    /** After the last check: the grader reuses a check JVM only when the checks left no thread running. */
    static void shutDownClientResources() {
        RESOURCES.shutdown(0, 1, TimeUnit.SECONDS);
    }

    private StatefulRedisConnection<String, String> connect(ClientOptions options) {
        RedisURI uri = RedisURI.create(LabRedis.uri());
        uri.setTimeout(CONNECT_TIMEOUT);
        RedisClient client = RedisClient.create(RESOURCES, uri);
        client.setOptions(options);
        clients.add(client);
        return client.connect();
    }
}
