package lab.cacheaside.checks;

import io.coursekit.lab.check.AppServer;
import io.coursekit.lab.check.LabRedis;
import io.coursekit.lab.check.Notes;
import io.coursekit.lab.check.RubricCheck;
import io.coursekit.lab.check.Timing;
import lab.cacheaside.Product;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static lab.cacheaside.checks.LabFixture.AMERICANO;
import static org.junit.jupiter.api.Assertions.fail;

/** The rubric of the cache-aside lab, one method per rubric line (see lab.yaml). */
final class CacheAsideChecks {
    private static final long ID = AMERICANO.id();
    private static final String KEY = "product:" + ID;
    private static final long MISSING_ID = 999;
    private static final Product REPRICED = new Product(ID, AMERICANO.name(), 4900, AMERICANO.stock());
    private static final Random RANDOM = new Random();
    private static final int STAMPEDE_ATTEMPTS = 3;

    private LabFixture lab;

    @BeforeEach
    void openLab() {
        lab = new LabFixture();
    }

    @AfterEach
    void closeLab() {
        lab.close();
    }

    @RubricCheck("miss-loads-from-database")
    void missLoadsFromDatabase() {
        StudentService service = lab.newService();

        Optional<Product> read = service.getProduct(ID);

        expect(read.equals(Optional.of(AMERICANO)),
                () -> "getProduct(42) on an empty cache returned " + read + ", expected " + Optional.of(AMERICANO));
        expect(lab.table.findByIdCalls() == 1,
                () -> "findById was called " + lab.table.findByIdCalls() + " times, expected 1");
        expect(lab.exists(KEY),
                () -> "key " + KEY + " does not exist in Redis after the miss; keys in Redis: " + lab.keys());
    }

    @RubricCheck("hit-skips-database")
    void hitSkipsDatabase() {
        StudentService service = lab.newService();
        service.getProduct(ID);
        int callsAfterFirstRead = lab.table.findByIdCalls();

        Optional<Product> second = service.getProduct(ID);

        expect(second.equals(Optional.of(AMERICANO)),
                () -> "the second getProduct(42) returned " + second + ", expected " + Optional.of(AMERICANO));
        int extraCalls = lab.table.findByIdCalls() - callsAfterFirstRead;
        expect(extraCalls == 0,
                () -> "the second getProduct(42) called findById " + extraCalls + " more time(s), expected none");
    }

    @RubricCheck("ttl-in-range")
    void ttlInRange() {
        lab.newService().getProduct(ID);

        long ttl = lab.ttl(KEY);

        if (ttl == -2) {
            fail("key " + KEY + " does not exist in Redis after getProduct(42); keys in Redis: " + lab.keys());
        }
        expect(ttl != -1, () -> KEY + " has no TTL (TTL -1): it would stay in Redis forever");
        expect(ttl >= 300 && ttl <= 1800, () -> "TTL of " + KEY + " is " + ttl + " s, expected 300 to 1800 s");
    }

    @RubricCheck("update-invalidates")
    void updateInvalidates() {
        StudentService service = lab.newService();
        service.getProduct(ID);

        service.updateProduct(REPRICED);

        Optional<Product> row = lab.table.row(ID);
        expect(row.equals(Optional.of(REPRICED)),
                () -> "after updateProduct the database holds " + row + ", expected " + Optional.of(REPRICED));
        Optional<Product> sameInstance = service.getProduct(ID);
        expect(sameInstance.equals(Optional.of(REPRICED)),
                () -> "after updateProduct, getProduct(42) on the same instance returned " + sameInstance
                        + ", expected " + Optional.of(REPRICED));
        Optional<Product> secondInstance = lab.newServiceOnSecondServer().getProduct(ID);
        expect(secondInstance.equals(Optional.of(REPRICED)),
                () -> "after updateProduct, getProduct(42) on a second instance returned " + secondInstance
                        + ", expected " + Optional.of(REPRICED));
    }

    @RubricCheck("delete-evicts")
    void deleteEvicts() {
        StudentService service = lab.newService();
        service.getProduct(ID);

        boolean deleted = service.deleteProduct(ID);

        expect(deleted, () -> "deleteProduct(42) returned false, expected true: the row existed");
        expect(lab.table.row(ID).isEmpty(), () -> "row 42 is still in the database after deleteProduct(42)");
        Optional<Product> after = service.getProduct(ID);
        expect(after.isEmpty(),
                () -> "getProduct(42) after deleteProduct(42) returned " + after + ", expected Optional.empty");
    }

    @RubricCheck("missing-product-empty")
    void missingProductEmpty() {
        StudentService service = lab.newService();
        for (String attempt : List.of("first", "second")) {
            Optional<Product> read = service.getProduct(MISSING_ID);
            expect(read.isEmpty(), () -> "the " + attempt + " getProduct(999) for an id in no table returned "
                    + read + ", expected Optional.empty");
        }
    }

    @RubricCheck("shared-across-instances")
    void sharedAcrossInstances() {
        StudentService a = lab.newService();
        StudentService b = lab.newServiceOnSecondServer();
        a.getProduct(ID);
        int callsAfterA = lab.table.findByIdCalls();

        Optional<Product> readByB = b.getProduct(ID);

        expect(readByB.equals(Optional.of(AMERICANO)),
                () -> "instance B's getProduct(42) returned " + readByB + ", expected " + Optional.of(AMERICANO));
        int callsByB = lab.table.findByIdCalls() - callsAfterA;
        expect(callsByB == 0, () -> "instance B called findById " + callsByB
                + " time(s) right after instance A had read product 42, expected none");
    }

    @RubricCheck("redis-outage-fallback")
    void redisOutageFallback() throws Exception {
        StudentService service = lab.newService();
        LabRedis.cut();
        try {
            Future<Optional<Product>> reading = lab.studentThreads().submit(() -> service.getProduct(ID));
            Optional<Product> read = within(reading, Duration.ofSeconds(2),
                    "getProduct(42) did not return within 2 s while Redis was cut off");
            expect(read.equals(Optional.of(AMERICANO)), () -> "with Redis cut off, getProduct(42) returned "
                    + read + ", expected " + Optional.of(AMERICANO) + " from the database");

            service.updateProduct(REPRICED);

            Optional<Product> row = lab.table.row(ID);
            expect(row.equals(Optional.of(REPRICED)), () -> "with Redis cut off, updateProduct left the database at "
                    + row + ", expected " + Optional.of(REPRICED));
        } finally {
            LabRedis.restore();
        }
    }

    @RubricCheck("cache-speedup")
    void cacheSpeedup() {
        // a product the submission cannot know ahead, so that only reading it back can return it
        Product fresh = new Product(ID, "Flat white " + UUID.randomUUID(), 4000 + RANDOM.nextInt(1000), RANDOM.nextInt(500));
        LabFixture own = new LabFixture(fresh);
        try {
            own.table.answerAfter(Duration.ofMillis(50));
            StudentService service = own.newService();
            Optional<Product> first = service.getProduct(ID);
            expect(first.equals(Optional.of(fresh)), () -> "getProduct(42) returned " + first + ", expected "
                    + Optional.of(fresh) + " from the database");
            int callsBefore = own.table.findByIdCalls();
            Timing.Verdict verdict = Timing.medianAtMost(AppServer.first(), Duration.ofMillis(5), 100, () -> {
                Optional<Product> read = service.getProduct(ID);
                expect(read.equals(Optional.of(fresh)), () -> "with product 42 cached, getProduct(42) returned " + read
                        + ", expected " + Optional.of(fresh));
                return read;
            });
            int calls = own.table.findByIdCalls() - callsBefore;
            Notes.add(verdict.describe() + ", findById called " + calls + " times during them");
            expect(verdict.within(), () -> String.format(Locale.ROOT, "with product 42 cached and 50 ms database latency, "
                    + "the median of %d getProduct(42) calls took %.1f ms above a bare round trip of %.1f ms, expected "
                    + "at most 5 ms (findById was called %d times during them)", verdict.measured(), verdict.overMillis(),
                    verdict.roundTripMillis(), calls));
        } finally {
            own.close();
        }
    }

    @RubricCheck("stampede-protection")
    void stampedeProtection() throws Exception {
        int threads = 16;
        int calls = Integer.MAX_VALUE;
        // A correct lock can still let a read through to the database when a busy machine makes one of its
        // 500 ms Redis commands time out: measure again before failing. A missing lock fails every attempt.
        for (int attempt = 1; attempt <= STAMPEDE_ATTEMPTS && calls > 2; attempt++) {
            LabRedis.commands().flushall();
            try (LabFixture own = new LabFixture()) {
                own.table.answerAfter(Duration.ofMillis(100));
                StudentService service = own.newService();
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<Product>>> reads = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    reads.add(own.studentThreads().submit(startTogether(ready, go, () -> service.getProduct(ID))));
                }
                expect(ready.await(5, TimeUnit.SECONDS), () -> "the 16 reader threads did not start within 5 s");
                go.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                List<Optional<Product>> results = new ArrayList<>();
                for (Future<Optional<Product>> read : reads) {
                    results.add(within(read, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                            "16 concurrent getProduct(42) calls had not all returned after 3 s"));
                }
                List<Optional<Product>> wrong = results.stream().filter(r -> !r.equals(Optional.of(AMERICANO))).toList();
                expect(wrong.isEmpty(), () -> wrong.size() + " of " + threads + " concurrent getProduct(42) calls did not "
                        + "return " + Optional.of(AMERICANO) + ", for example " + wrong.get(0));
                calls = own.table.findByIdCalls();
                Notes.add("attempt " + attempt + ": " + threads + " concurrent reads called findById " + calls + " times");
            }
        }
        int found = calls;
        expect(found <= 2, () -> threads + " concurrent getProduct(42) calls on an empty cache called findById "
                + found + " times, expected at most 2");
    }

    /** Fails the check with what was observed; the student reads this message in the report. */
    private static void expect(boolean holds, Supplier<String> observed) {
        if (!holds) {
            fail(observed.get());
        }
    }

    private static <T> Callable<T> startTogether(CountDownLatch ready, CountDownLatch go, Callable<T> call) {
        return () -> {
            ready.countDown();
            go.await();
            return call.call();
        };
    }

    /** The call's result, or its failure as the check's failure; a call still running after the limit fails the check. */
    private static <T> T within(Future<T> call, Duration limit, String lateMessage) throws InterruptedException {
        try {
            return call.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return fail(lateMessage);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException exception) {
                throw exception;
            }
            throw new AssertionFailedError(e.getCause().toString(), e.getCause());
        }
    }
}
