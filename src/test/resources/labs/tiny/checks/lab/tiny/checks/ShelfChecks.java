package lab.tiny.checks;

import io.coursekit.lab.check.LabRedis;
import io.coursekit.lab.check.RubricCheck;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import lab.tiny.Shelf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShelfChecks {
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private Shelf shelf;

    @BeforeEach
    void open() throws ReflectiveOperationException {
        RedisURI uri = RedisURI.create(LabRedis.uri());
        uri.setTimeout(Duration.ofMillis(500));
        client = RedisClient.create(uri);
        connection = client.connect();
        Class<?> type = Class.forName("lab.tiny.RedisShelf");
        shelf = (Shelf) type.getConstructor(RedisCommands.class).newInstance(connection.sync());
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Order(1)
    @RubricCheck("put-then-count")
    void putThenCount() {
        shelf.put("apple", 3);
        assertEquals(3, shelf.count("apple"));
        assertEquals("3", connection.sync().get("shelf:apple"));
    }

    @Order(2)
    @RubricCheck("starts-empty")
    void startsEmpty() {
        assertEquals(0, connection.sync().dbsize(), "Redis was not empty at the start of the check");
        assertEquals(0, shelf.count("apple"));
    }

    @Order(3)
    @RubricCheck("survives-cut")
    void survivesCut() {
        shelf.put("pear", 1);
        LabRedis.cut();
        assertThrows(RedisException.class, () -> connection.sync().get("shelf:pear"));
        LabRedis.restore();
        RedisClient again = RedisClient.create(LabRedis.uri());
        try (StatefulRedisConnection<String, String> fresh = again.connect()) {
            assertEquals("1", fresh.sync().get("shelf:pear"));
        } finally {
            again.close();
        }
    }

    @Order(4)
    @RubricCheck("motto")
    void motto() {
        assertEquals("tiny", shelf.motto());
    }

    @Order(5)
    @RubricCheck("fast-count")
    void fastCount() {
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            shelf.count("apple");
        }
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "200 counts took over 2 s");
    }
}
