package io.coursekit.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sends commands to Redis over a plain socket: enough for PING, AUTH, ACL and CONFIG without a client library. */
public final class RedisWire {
    private static final int TIMEOUT_MS = 5_000;

    private RedisWire() {
    }

    /** Runs {@code command} (after AUTH when the URI carries a password) and returns Redis's reply as text. */
    public static String call(URI redis, String... command) throws IOException {
        return String.valueOf(reply(redis, command));
    }

    /** Runs a command whose reply is an array, such as {@code CONFIG GET}, and returns its items as text. */
    public static List<String> strings(URI redis, String... command) throws IOException {
        Object reply = reply(redis, command);
        if (!(reply instanceof List<?> items)) {
            throw new IOException(String.join(" ", command) + " answered " + reply + ", not a list");
        }
        return items.stream().map(String::valueOf).toList();
    }

    private static Object reply(URI redis, String... command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.getHost(), port(redis)), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            String userInfo = redis.getUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                if (colon <= 0) {
                    command(socket, "AUTH", userInfo.substring(colon + 1));
                } else {
                    command(socket, "AUTH", userInfo.substring(0, colon), userInfo.substring(colon + 1));
                }
            }
            return command(socket, command);
        }
    }

    /** Runs {@code command} on an open connection and reads its whole reply: text, a number, a list or null. */
    public static Object command(Socket socket, String... command) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("*" + command.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String part : command) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            request.writeBytes(bytes);
            request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        OutputStream out = socket.getOutputStream();
        request.writeTo(out);
        out.flush();
        // unbuffered on purpose: the bytes after this reply belong to whoever uses the connection next
        return read(socket.getInputStream());
    }

    public static int port(URI redis) {
        return redis.getPort() == -1 ? 6379 : redis.getPort();
    }

    private static Object read(InputStream in) throws IOException {
        String line = line(in);
        char kind = line.charAt(0);
        String rest = line.substring(1);
        switch (kind) {
            case '+':
                return rest;
            case '-':
                throw new IOException("Redis answered " + rest);
            case ':':
                return Long.parseLong(rest);
            case '$': {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(rest);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("not a Redis reply: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new IOException("an empty line where a Redis reply belongs");
        }
        return text;
    }
}
