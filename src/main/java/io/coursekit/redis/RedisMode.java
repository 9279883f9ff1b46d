package io.coursekit.redis;

import io.coursekit.UserError;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the grader's Redis comes from, as given to {@code --redis}. */
public sealed interface RedisMode {

    /** {@code REDIS_URL}, else {@code redis-server}/{@code valkey-server} on PATH, else the embedded binary. */
    record Auto() implements RedisMode {
    }

    record Binary(Path executable) implements RedisMode {
    }

    record Uri(URI uri) implements RedisMode {
    }

    record Docker(String image) implements RedisMode {
    }

    String SYNTAX = "auto, binary:PATH, uri:redis://HOST:PORT or docker:IMAGE";

    static RedisMode parse(String text) {
        if (text.equals("auto")) {
            return new Auto();
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.isBlank() && !kind.equals(text)) {
            throw new UserError("--redis " + text + ": nothing after '" + kind + ":' (expected " + SYNTAX + ")");
        }
        return switch (kind) {
            case "binary" -> new Binary(Path.of(value));
            case "uri" -> new Uri(redisUri(value));
            case "docker" -> new Docker(value);
            default -> throw new UserError("--redis " + text + ": unknown mode (expected " + SYNTAX + ")");
        };
    }

    static URI redisUri(String text) {
        try {
            URI uri = new URI(text);
            if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UserError("'" + text + "' is not a redis://HOST[:PORT] address (TLS rediss:// is not supported)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError("'" + text + "' is not a redis:// address: " + e.getMessage());
        }
    }
}
