package io.coursekit.endpoint;

import io.coursekit.lab.VersionRange;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Engines this machine has no server for, read from the INFO server text they send. */
class EngineVersionTest {
    private static final Map<String, VersionRange> LAB = Map.of("valkey", VersionRange.parse(">=7.2"),
            "redis", VersionRange.parse(">=7.0"));

    @Test
    void valkeyEightIsKnownByServerNameNotByItsRedisVersion() {
        Info server = Info.parse("server", "# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.0.1\r\n");
        assertThat(EngineVersion.judge(server, LAB)).isEqualTo(Finding.pass("Valkey 8.0.1"));
    }

    @Test
    void valkeySevenIsKnownByValkeyVersion() {
        Info server = Info.parse("server", "# Server\r\nredis_version:7.2.4\r\nvalkey_version:7.2.5\r\n");
        assertThat(EngineVersion.judge(server, LAB)).isEqualTo(Finding.pass("Valkey 7.2.5"));
    }

    @Test
    void anOldRedisIsRefusedWithWhatTheLabAccepts() {
        Info server = Info.parse("server", "# Server\r\nredis_version:6.2.14\r\nredis_mode:standalone\r\n");
        assertThat(EngineVersion.judge(server, LAB)).isEqualTo(
                Finding.fail("Redis 6.2.14 is not accepted: this lab accepts redis >=7.0 or valkey >=7.2"));
    }

    @Test
    void valkeyIsRefusedWhenTheLabAcceptsOnlyRedis() {
        Info server = Info.parse("server", "redis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.1.0\r\n");
        assertThat(EngineVersion.judge(server, Map.of("redis", VersionRange.parse(">=7.0"))).passed()).isFalse();
    }
}
