package io.coursekit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * A TCP proxy between student code and Redis that a check can cut: {@link #cut()} drops every open
 * connection and closes new ones at once, as a Redis outage looks to a client, until {@link #restore()}.
 */
public final class FaultProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = new HashSet<>();
    private boolean cut;

    private FaultProxy(ServerSocket server, InetSocketAddress upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    /** Listens on a free port of 127.0.0.1 and forwards to {@code host:port}. */
    public static FaultProxy start(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy(server, new InetSocketAddress(host, port));
        Thread acceptor = new Thread(proxy::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
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
        while (!server.isClosed()) {
            try {
                connect(server.accept());
            } catch (IOException e) {
                // the server socket was closed, or one client failed to connect: keep serving the others
            }
        }
    }

    private void connect(Socket client) throws IOException {
        if (isCut()) {
            client.close();
            return;
        }
        Socket redis = new Socket();
        try {
            redis.connect(upstream, CONNECT_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            redis.setTcpNoDelay(true);
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
        pump(client, redis);
        pump(redis, client);
    }

    private synchronized boolean isCut() {
        return cut;
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // either side went away: the other side is closed below
            } finally {
                forget(from);
                forget(to);
            }
        }, "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void forget(Socket socket) {
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
