package io.coursekit.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Redis inside the sandbox: a port on the sandbox's own loopback whose every connection goes on through the unix
 * socket the judge bound in, to the judge's fault proxy. The sandbox has no other way out, and the real Redis's
 * address never enters it.
 */
final class RedisForwarder {
    private final ServerSocket server;
    private final Path socket;
    private Socket pinger;

    private RedisForwarder(ServerSocket server, Path socket) {
        this.server = server;
        this.socket = socket;
    }

    static RedisForwarder start(Path socket) throws IOException {
        RedisForwarder forwarder = new RedisForwarder(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), socket);
        Thread acceptor = new Thread(forwarder::accept, "redis-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
        return forwarder;
    }

    /** {@code redis://127.0.0.1:PORT} inside the sandbox. */
    String uri() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /** One PING over the same path the student's connections take. */
    synchronized void ping() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (pinger == null) {
                    pinger = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    pinger.setTcpNoDelay(true);
                }
                OutputStream out = pinger.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = pinger.getInputStream();
                for (int b; (b = in.read()) != '\n'; ) {
                    if (b < 0) {
                        throw new IOException("Redis closed the connection");
                    }
                }
                return;
            } catch (IOException e) {
                pinger = null;
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private void accept() {
        while (true) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                SocketChannel upstream;
                try {
                    upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
                    upstream.connect(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                pump(client, upstream, true);
                pump(client, upstream, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Channel reads and writes directly: their stream adapters share one lock, so a waiting read would stall writes. */
    private static void pump(Socket client, SocketChannel upstream, boolean towardsRedis) {
        Thread thread = new Thread(() -> {
            byte[] bytes = new byte[16 * 1024];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            try {
                if (towardsRedis) {
                    InputStream in = client.getInputStream();
                    for (int n; (n = in.read(bytes)) > 0; ) {
                        buffer.clear().limit(n);
                        while (buffer.hasRemaining()) {
                            upstream.write(buffer);
                        }
                    }
                } else {
                    OutputStream out = client.getOutputStream();
                    for (int n; (n = upstream.read(buffer.clear())) > 0; ) {
                        out.write(bytes, 0, n);
                    }
                }
            } catch (IOException e) {
                // either side went away: both are closed below
            } finally {
                close(client);
                close(upstream);
            }
        }, "redis-forwarder-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
