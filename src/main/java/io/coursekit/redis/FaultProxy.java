package io.coursekit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * The only way from a sandbox to Redis: a unix socket bound into the sandbox, whose connections go on to Redis logged
 * in as the restricted student user, so the sandbox never holds a password. A check can {@link #cut()} it: every open
 * connection drops and new ones close at once, as a Redis outage looks to a client, until {@link #restore()}.
 */
public final class FaultProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final ServerSocketChannel server;
    private final InetSocketAddress upstream;
    private final StudentLogin login;
    private final Set<AutoCloseable> open = new HashSet<>();
    private boolean cut;

    private FaultProxy(ServerSocketChannel server, InetSocketAddress upstream, StudentLogin login) {
        this.server = server;
        this.upstream = upstream;
        this.login = login;
    }

    /** Listens on {@code socket}, which any local user may connect to, and forwards to {@code redis}. */
    public static FaultProxy start(Path socket, RedisAccess redis) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        // a sandbox may run as a user of its own, which must be able to connect
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
        FaultProxy proxy = new FaultProxy(server, new InetSocketAddress(redis.admin().getHost(), RedisWire.port(redis.admin())),
                redis.student());
        Thread acceptor = new Thread(proxy::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public synchronized void cut() {
        cut = true;
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    public synchronized void restore() {
        cut = false;
    }

    @Override
    public void close() {
        closeQuietly(server);
        cut();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                connect(server.accept());
            } catch (IOException e) {
                // the server socket was closed, or one client failed to connect: keep serving the others
            }
        }
    }

    private void connect(SocketChannel client) throws IOException {
        if (isCut()) {
            client.close();
            return;
        }
        Socket redis = new Socket();
        try {
            redis.connect(upstream, CONNECT_TIMEOUT_MS);
            redis.setTcpNoDelay(true);
            login.logIn(redis);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(redis);
            throw e;
        }
        synchronized (this) {
            if (cut) {
                closeQuietly(client);
                closeQuietly(redis);
                return;
            }
            open.add(client);
            open.add(redis);
        }
        pump("fault-proxy-to-redis", () -> {
            byte[] bytes = new byte[16 * 1024];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            OutputStream out = redis.getOutputStream();
            for (int n; (n = client.read(buffer.clear())) > 0; ) {
                out.write(bytes, 0, n);
            }
        }, client, redis);
        pump("fault-proxy-from-redis", () -> {
            byte[] bytes = new byte[16 * 1024];
            InputStream in = redis.getInputStream();
            for (int n; (n = in.read(bytes)) > 0; ) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, n);
                while (buffer.hasRemaining()) {
                    client.write(buffer);
                }
            }
        }, client, redis);
    }

    private synchronized boolean isCut() {
        return cut;
    }

    private interface Pump {
        void run() throws IOException;
    }

    /** One direction on a thread of its own; the channel is read and written directly, without stream adapters. */
    private void pump(String name, Pump pump, SocketChannel client, Socket redis) {
        Thread thread = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException e) {
                // either side went away: the other side is closed below
            } finally {
                forget(client);
                forget(redis);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void forget(AutoCloseable socket) {
        open.remove(socket);
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort: the peer may already be gone
        }
    }
}
