package io.coursekit.grader;

import io.coursekit.lab.Lab;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A score never depends on machine load: the cache-aside lab's reference and samples, graded three times in a row
 * with two processes burning both cores beside the grader, score exactly as {@code samples/expected.yaml} says
 * every time. Timing checks are weighed against the same run's bare round trips, and measured again before they
 * fail.
 */
class FairUnderLoadTest {
    private static final Path PACK = SharedRedis.root().resolve("grader/labs/cache-aside");
    private static final int ROUNDS = 3;
    private static final List<Process> BURNERS = new ArrayList<>();
    private static Grader grader;

    @BeforeAll
    static void burnBothCores() throws IOException {
        grader = new Grader(new LabCache(Path.of(System.getProperty("java.io.tmpdir"), "coursekit-test-cache")),
                SharedRedis.get().access(), Sandbox.detect());
        for (int i = 0; i < 2; i++) {
            BURNERS.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
    }

    @AfterAll
    static void stopBurning() {
        BURNERS.forEach(Process::destroyForcibly);
        grader.close();
    }

    @TestFactory
    Stream<DynamicTest> theSamplesScoreExactlyBesideTwoBurnersThreeTimesInARow() throws IOException {
        Lab lab = Lab.load(PACK);
        assertThat(PACK.resolve("samples/expected.yaml")).isRegularFile();
        return IntStream.rangeClosed(1, ROUNDS).boxed().flatMap(round -> {
            try {
                return LabPackGradingTest.gradings(lab, grader).stream()
                        .map(test -> DynamicTest.dynamicTest("round " + round + ": " + test.getDisplayName(), test.getExecutable()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
