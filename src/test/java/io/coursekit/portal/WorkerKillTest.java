package io.coursekit.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.coursekit.redis.RedisWire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker killed in the middle of grading: another worker takes the submission over and grades it, once. */
class WorkerKillTest {
    private static final int CLAIM_AFTER = 3;

    @TempDir
    Path temp;

    @Test
    void anotherWorkerGradesTheSubmissionOfAKilledWorkerExactlyOnce() throws Exception {
        try (PortalFixture fixture = PortalFixture.start(temp.resolve("data"), PortalFixture.LABS, List.of("alice"),
                PortalRules.defaults(), 0, Clock.systemUTC(), Optional.empty(), Duration.ofSeconds(CLAIM_AFTER))) {
            String queue = fixture.portal.queueUri();
            Process first = WorkerProcesses.worker(temp.resolve("first.log"), queue, PortalFixture.LABS, CLAIM_AFTER);
            Process second = null;
            try {
                // its delete-evicts check loops until its 10 s time-out: long enough to kill the worker inside it
                String id = fixture.submit("alice", "loop.zip",
                        PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "samples/hostile-infinite-loop", "")).json()
                        .get("id").asText();
                fixture.await("alice", id, s -> "checking".equals(s.get("status").asText()), Duration.ofSeconds(90));
                Thread.sleep(1500);
                StoredSubmission inTheMiddle = fixture.portal.store().submission(id).orElseThrow();
                WorkerProcesses.kill(first);

                second = WorkerProcesses.worker(temp.resolve("second.log"), queue, PortalFixture.LABS, CLAIM_AFTER);
                JsonNode graded = fixture.awaitGraded("alice", id);
                StoredSubmission stored = fixture.portal.store().submission(id).orElseThrow();

                assertThat(inTheMiddle.status()).isEqualTo(SubmissionStatus.CHECKING);
                assertThat(inTheMiddle.worker()).endsWith("-" + first.pid() + "-1");
                assertThat(graded.get("status").asText()).as(graded.toString()).isEqualTo("graded");
                assertThat(graded.get("score").asInt()).isEqualTo(95);
                assertThat(stored.gradings()).isEqualTo(1);
                assertThat(stored.worker()).endsWith("-" + second.pid() + "-1");
                assertThat(Files.readString(temp.resolve("second.log"))).contains("graded alice-1 (" + id + ":1): 95/100");
                assertThat(Files.readString(temp.resolve("first.log"))).doesNotContain("graded alice-1");
                URI redis = URI.create(queue);
                assertThat(RedisWire.call(redis, "EVAL", "return redis.call('HGET', KEYS[1], ARGV[1]) == 'done' and 1 or 0",
                        "1", SubmissionQueue.STATES, id + ":1")).isEqualTo("1");
                assertThat(RedisWire.call(redis, "XLEN", SubmissionQueue.JOBS)).isEqualTo("0");
            } finally {
                WorkerProcesses.kill(first);
                if (second != null) {
                    WorkerProcesses.kill(second);
                }
            }
        }
    }
}
