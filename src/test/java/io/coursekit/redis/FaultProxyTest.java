package io.coursekit.redis;

import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultProxyTest {

    @Test
    void forwardsUntilCutAndAgainAfterRestore() throws IOException {
        URI redis = SharedRedis.get().uri();
        try (FaultProxy proxy = FaultProxy.start(redis.getHost(), RedisWire.port(redis))) {
            URI through = URI.create("redis://127.0.0.1:" + proxy.port());
            assertThat(RedisWire.call(through, "SET", "fault-proxy-test", "up")).isEqualTo("OK");
            proxy.cut();
            assertThatThrownBy(() -> RedisWire.call(through, "PING")).isInstanceOf(IOException.class);
            proxy.restore();
            assertThat(RedisWire.call(through, "EXISTS", "fault-proxy-test")).isEqualTo("1");
        }
    }

    @Test
    void cuttingDropsConnectionsThatAreAlreadyOpen() throws Exception {
        URI redis = SharedRedis.get().uri();
        try (FaultProxy proxy = FaultProxy.start(redis.getHost(), RedisWire.port(redis));
             Socket client = new Socket("127.0.0.1", proxy.port())) {
            client.getOutputStream().write("PING\r\n".getBytes());
            byte[] pong = new byte[7];
            assertThat(client.getInputStream().readNBytes(pong, 0, 7)).isEqualTo(7);
            assertThat(new String(pong)).isEqualTo("+PONG\r\n");
            proxy.cut();
            client.setSoTimeout(2_000);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }
}
