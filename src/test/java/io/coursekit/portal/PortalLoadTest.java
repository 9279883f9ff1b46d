package io.coursekit.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 40 submissions from 12 students through the API to 2 workers, students handing in again before their last one is
 * graded: every one is graded, once, to the score its source earns, and none is lost. The times are printed, not
 * judged: {@code bench portal} measures them with a whole class.
 */
class PortalLoadTest {
    /** Sources that grade in about a second each; the hostile samples' time-outs are for the bench. */
    private static final List<String> SOURCES = List.of("reference", "samples/no-ttl", "samples/forgets-to-cache",
            "samples/delete-keeps-cache", "samples/wrong-key-format", "samples/compile-error",
            "samples/correct-no-stampede", "samples/update-keeps-stale-cache");
    private static final int STUDENTS = 12;
    private static final int SUBMISSIONS = 40;

    @TempDir
    Path temp;

    @Test
    void fortySubmissionsFromTwelveStudentsAreAllGradedOnceByTwoWorkers() throws Exception {
        List<String> students = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            students.add(String.format(Locale.ROOT, "student%02d", i));
        }
        PortalRules rules = new PortalRules(Optional.empty(), Duration.ZERO, 0, 100, Duration.ofMinutes(1), 1024 * 1024,
                200, ScorePolicy.BEST, ZoneOffset.UTC);
        List<Path> sources = SOURCES.stream().map(PortalFixture.CACHE_ASIDE::resolve).toList();
        List<PortalLoad.Upload> uploads = PortalLoad.classOf(sources, SUBMISSIONS, students);
        try (PortalFixture fixture = PortalFixture.start(temp.resolve("data"), students, rules, 2, Clock.systemUTC())) {
            PortalLoad.Outcome outcome = new PortalLoad(fixture.base, fixture.tokens).run(uploads, 8, Duration.ofMinutes(8));
            System.out.printf(Locale.ROOT, "portal load: %d graded in %.1f s = %.1f per minute; upload to score p50 %.1f s, "
                    + "p95 %.1f s%n", outcome.graded(), outcome.wall().toMillis() / 1000.0, outcome.perMinute(),
                    outcome.percentile(50).toMillis() / 1000.0, outcome.percentile(95).toMillis() / 1000.0);

            assertThat(outcome.refused()).isEmpty();
            assertThat(outcome.lost()).isZero();
            assertThat(outcome.failed()).isZero();
            assertThat(outcome.graded()).isEqualTo(SUBMISSIONS);
            List<StoredSubmission> stored = fixture.portal.store().submissions();
            assertThat(stored).hasSize(SUBMISSIONS).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(SubmissionStatus.GRADED);
                assertThat(s.gradings()).as("gradings of %s", s.id()).isEqualTo(1);
            });
            Map<String, Integer> perStudent = new HashMap<>();
            stored.forEach(s -> perStudent.merge(s.student(), 1, Integer::sum));
            assertThat(perStudent).hasSize(STUDENTS).allSatisfy((student, n) -> assertThat(n).isBetween(3, 4));
            Map<String, Integer> expected = expectedScores();
            for (StoredSubmission s : stored) {
                // submission k of student i is upload (k - 1) * STUDENTS + i - 1, whose source is that index modulo the sources
                int index = (s.number() - 1) * STUDENTS + Integer.parseInt(s.student().substring("student".length())) - 1;
                String source = SOURCES.get(index % SOURCES.size());
                assertThat(outcome.scores().get(s.id())).as("%s, a copy of %s: %s", s.id(), source, s.row().orElseThrow().checks())
                        .isEqualTo(expected.get(source));
            }
        }
    }

    private static Map<String, Integer> expectedScores() throws Exception {
        JsonNode expected = new ObjectMapper(new YAMLFactory()).readTree(PortalFixture.CACHE_ASIDE.resolve("samples/expected.yaml").toFile());
        Map<String, Integer> scores = new HashMap<>();
        scores.put("reference", 105);
        for (String source : SOURCES.subList(1, SOURCES.size())) {
            scores.put(source, expected.get(source.substring("samples/".length())).get("score").asInt());
        }
        return scores;
    }
}
