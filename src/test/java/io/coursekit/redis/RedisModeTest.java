package io.coursekit.redis;

import io.coursekit.UserError;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisModeTest {

    @Test
    void parsesEveryMode() {
        assertThat(RedisMode.parse("auto")).isEqualTo(new RedisMode.Auto());
        assertThat(RedisMode.parse("binary:/opt/redis-server")).isEqualTo(new RedisMode.Binary(Path.of("/opt/redis-server")));
        assertThat(RedisMode.parse("uri:redis://10.0.0.5:6380")).isEqualTo(new RedisMode.Uri(URI.create("redis://10.0.0.5:6380")));
        assertThat(RedisMode.parse("docker:redis:7")).isEqualTo(new RedisMode.Docker("redis:7"));
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> RedisMode.parse("cloud")).isInstanceOf(UserError.class).hasMessageContaining("unknown mode");
        assertThatThrownBy(() -> RedisMode.parse("uri:")).hasMessageContaining("nothing after 'uri:'");
        assertThatThrownBy(() -> RedisMode.parse("uri:rediss://host:6379")).hasMessageContaining("TLS rediss:// is not supported");
    }

    @Test
    void dockerWithoutAnEngineIsAClearError() {
        RedisLauncher launcher = new RedisLauncher(Map.of("PATH", "/nonexistent"));
        assertThatThrownBy(() -> launcher.start(new RedisMode.Docker("redis:7"))).isInstanceOf(UserError.class)
                .hasMessageContaining("needs a Docker engine");
    }

    @Test
    void anUnreachableUriIsAClearError() {
        RedisLauncher launcher = new RedisLauncher(Map.of());
        assertThatThrownBy(() -> launcher.start(new RedisMode.Uri(URI.create("redis://127.0.0.1:1"))))
                .isInstanceOf(UserError.class).hasMessageStartingWith("cannot reach Redis at redis://127.0.0.1:1");
    }

    @Test
    void theEmbeddedBinaryServesWhenNothingElseIs() throws Exception {
        try (RunningRedis redis = new RedisLauncher(Map.of("PATH", "/nonexistent")).start(new RedisMode.Auto())) {
            assertThat(redis.description()).isEqualTo("the embedded redis-server");
            assertThat(RedisWire.call(redis.uri(), "PING")).isEqualTo("PONG");
        }
    }
}
