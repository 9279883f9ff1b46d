package io.coursekit.redis;

import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultProxyTest {
    @TempDir
    Path dir;

    @Test
    void forwardsAsTheStudentUserUntilCutAndAgainAfterRestore() throws IOException {
        RedisAccess redis = SharedRedis.get().access();
        try (FaultProxy proxy = FaultProxy.start(dir.resolve("redis.sock"), redis)) {
            assertThat(send(dir.resolve("redis.sock"), "ACL WHOAMI")).isEqualTo("$" + RedisAccess.STUDENT_USER.length()
                    + "\r\n" + RedisAccess.STUDENT_USER + "\r\n");
            assertThat(send(dir.resolve("redis.sock"), "SET fault-proxy-test up")).isEqualTo("+OK\r\n");
            proxy.cut();
            assertThatThrownBy(() -> send(dir.resolve("redis.sock"), "PING")).isInstanceOf(IOException.class);
            proxy.restore();
            assertThat(send(dir.resolve("redis.sock"), "EXISTS fault-proxy-test")).isEqualTo(":1\r\n");
        }
    }

    @Test
    void theStudentUserCannotReconfigureTheServer() throws IOException {
        RedisAccess redis = SharedRedis.get().access();
        try (FaultProxy proxy = FaultProxy.start(dir.resolve("redis.sock"), redis)) {
            for (String command : new String[] {"CONFIG SET requirepass owned", "ACL SETUSER mallory on >x +@all",
                    "SHUTDOWN NOSAVE", "MONITOR", "CLIENT KILL TYPE normal", "FLUSHALL", "BGSAVE", "MODULE LIST"}) {
                assertThat(send(dir.resolve("redis.sock"), command)).as(command).startsWith("-NOPERM");
            }
            assertThat(RedisWire.call(redis.admin(), "PING")).isEqualTo("PONG");
        }
    }

    @Test
    void cuttingDropsConnectionsThatAreAlreadyOpen() throws Exception {
        RedisAccess redis = SharedRedis.get().access();
        try (FaultProxy proxy = FaultProxy.start(dir.resolve("redis.sock"), redis);
             SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(UnixDomainSocketAddress.of(dir.resolve("redis.sock")));
            client.write(ByteBuffer.wrap("PING\r\n".getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(client);
            assertThat(new String(in.readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            proxy.cut();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    /** One inline command over a new connection through the proxy; the whole reply as Redis sent it. */
    private static String send(Path socket, String command) throws IOException {
        try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(UnixDomainSocketAddress.of(socket));
            client.write(ByteBuffer.wrap((command + "\r\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer reply = ByteBuffer.allocate(4096);
            do {
                if (client.read(reply) < 0) {
                    throw new IOException("the proxy closed the connection");
                }
            } while (reply.position() == 0 || reply.get(reply.position() - 1) != '\n'
                    || (reply.get(0) == '$' && countLines(reply) < 2));
            return new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8);
        }
    }

    private static int countLines(ByteBuffer reply) {
        int lines = 0;
        for (int i = 0; i < reply.position(); i++) {
            lines += reply.get(i) == '\n' ? 1 : 0;
        }
        return lines;
    }
}
