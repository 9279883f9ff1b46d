package io.coursekit.endpoint;

import io.coursekit.report.Wording;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointSessionTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void redisInstalled() {
        LocalRedisServer.assumeInstalled();
    }

    @Test
    void anEndpointThatStopsAnsweringEndsTheSessionWithinTheCheckLimit() throws Exception {
        try (LocalRedisServer server = LocalRedisServer.start(dir)) {
            StudentEndpoint endpoint = new StudentEndpoint(EndpointAddress.parse(server.uri()), Optional.empty(),
                    Optional.empty(), Optional.empty());
            Deadline run = Deadline.in(Duration.ofSeconds(10));
            try (EndpointSession session = EndpointSession.open(endpoint, Duration.ofSeconds(3), run)) {
                assertThat(session.answered()).isTrue();
                EndpointGraderTest.withRedis(server.uri(), redis -> redis.clientPause(2_000));

                session.checkUntil(run.within(Duration.ofMillis(500)));
                long start = System.nanoTime();
                assertThatThrownBy(() -> session.info("memory")).isInstanceOf(RedisException.class)
                        .satisfies(e -> session.lost(e));

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
                assertThat(session.notRunReason().map(Wording.of("en")::reason)).contains("not run: the endpoint stopped "
                        + "answering (no reply within the check's time limit after the endpoint had answered: is the node "
                        + "overloaded, or failing over?)");
            }
        }
    }
}
