package io.coursekit.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Sends one command to Redis over a plain socket: enough for PING and FLUSHALL without a client library. */
public final class RedisWire {
    private static final int TIMEOUT_MS = 5_000;

    private RedisWire() {
    }

    /** Runs {@code command} (after AUTH when the URI carries a password) and returns Redis's one-line reply. */
    public static String call(URI redis, String... command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.getHost(), port(redis)), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String userInfo = redis.getUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                String[] auth = colon <= 0 ? new String[] {"AUTH", userInfo.substring(colon + 1)}
                        : new String[] {"AUTH", userInfo.substring(0, colon), userInfo.substring(colon + 1)};
                reply(out, in, auth);
            }
            return reply(out, in, command);
        }
    }

    public static int port(URI redis) {
        return redis.getPort() == -1 ? 6379 : redis.getPort();
    }

    private static String reply(OutputStream out, BufferedReader in, String... command) throws IOException {
        StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new IOException("Redis closed the connection");
        }
        if (line.startsWith("-")) {
            throw new IOException("Redis answered " + line.substring(1));
        }
        return line.substring(1);
    }
}
