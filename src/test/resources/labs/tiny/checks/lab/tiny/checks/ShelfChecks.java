package lab.tiny.checks;

import io.coursekit.lab.check.AppServer;
import io.coursekit.lab.check.LabRedis;
import io.coursekit.lab.check.RubricCheck;
import io.coursekit.lab.check.StudentThrew;
import io.coursekit.lab.check.Timing;
import lab.tiny.Shelf;
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
    private Shelf shelf;

    @BeforeEach
    void open() {
        shelf = AppServer.first().newInstance(Shelf.class);
    }

    @Order(1)
    @RubricCheck("put-then-count")
    void putThenCount() {
        shelf.put("apple", 3);
        assertEquals(3, shelf.count("apple"));
        assertEquals("3", LabRedis.commands().get("shelf:apple"));
    }

    @Order(2)
    @RubricCheck("starts-empty")
    void startsEmpty() {
        assertEquals(0, LabRedis.commands().dbsize(), "Redis was not empty at the start of the check");
        assertEquals(0, shelf.count("apple"));
    }

    @Order(3)
    @RubricCheck("survives-cut")
    void survivesCut() {
        shelf.put("pear", 1);
        LabRedis.cut();
        assertThrows(StudentThrew.class, () -> shelf.count("pear"), "count worked while Redis was cut off");
        LabRedis.restore();
        assertEquals(1, AppServer.first().newInstance(Shelf.class).count("pear"));
    }

    @Order(4)
    @RubricCheck("motto")
    void motto() {
        assertEquals("tiny", shelf.motto());
    }

    @Order(5)
    @RubricCheck("fast-count")
    void fastCount() {
        shelf.put("apple", 2);
        Timing.Verdict verdict = Timing.medianAtMost(AppServer.first(), Duration.ofMillis(10), 200, () -> {
            assertEquals(2, shelf.count("apple"));
            return null;
        });
        assertTrue(verdict.within(), () -> "a count took over 10 ms (" + verdict.describe() + ")");
    }
}
