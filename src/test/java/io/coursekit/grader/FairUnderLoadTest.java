package io.coursekit.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.coursekit.lab.Lab;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A score never depends on machine load: the cache-aside lab's reference and the samples whose score their checks'
 * measurements make, graded three times in a row with two processes burning both cores beside the grader, score
 * exactly as {@code samples/expected.yaml} says every time. Timing checks are weighed against the same run's bare round trips, and measured again before they
 * fail.
 */
class FairUnderLoadTest {
    private static final Path PACK = SharedRedis.root().resolve("grader/labs/cache-aside");
    private static final int ROUNDS = 3;
    private static final List<Process> BURNERS = new ArrayList<>();
    private static Grader grader;

    @BeforeAll
    static void burnBothCores() throws IOException {
        grader = new Grader(LabCache.forThisUser(),
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
        List<DynamicTest> gradings = LabPackGradingTest.gradings(lab, grader);
        List<DynamicTest> timed = gradings.stream().filter(test -> scoredByTheirChecks(lab, test.getDisplayName())).toList();
        assertThat(timed).hasSizeGreaterThanOrEqualTo(8);
        return IntStream.rangeClosed(1, ROUNDS).boxed().flatMap(round -> timed.stream()
                .map(test -> DynamicTest.dynamicTest("round " + round + ": " + test.getDisplayName(), test.getExecutable())));
    }

    /**
     * Whether a grading's score is made by its checks' own measurements, which load could sway: every grading but
     * those that never reach the checks and the hostile ones, which fail by time-outs and limits however quiet the
     * machine (LabPacksTest grades those, with every other sample, through {@code lab check}).
     */
    private static boolean scoredByTheirChecks(Lab lab, String displayName) {
        String sample = displayName.substring(displayName.indexOf(": ") + 2);
        if (!Files.isDirectory(lab.samplesDir().resolve(sample))) {
            return true;
        }
        try {
            JsonNode expected = new ObjectMapper(new YAMLFactory()).readTree(lab.samplesDir().resolve("expected.yaml").toFile())
                    .get(sample);
            return !sample.startsWith("hostile-") && expected.get("failing").size() < lab.checks().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
