package io.coursekit.endpoint;

import io.coursekit.UserError;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a student's Redis or Valkey listens, as given on the command line.
 *
 * @param tls whether the address was given as {@code rediss://}
 */
public record EndpointAddress(boolean tls, String host, int port) {
    private static final int DEFAULT_PORT = 6379;

    /** Reads {@code redis://host[:port]} or {@code rediss://host[:port]}. */
    public static EndpointAddress parse(String text) {
        String given = text.strip();
        if (!given.startsWith("redis://") && !given.startsWith("rediss://")) {
            throw new UserError("endpoint '" + text + "' must start with redis:// or rediss:// (rediss:// for TLS)");
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw new UserError("endpoint '" + text + "' is not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null) {
            throw new UserError("endpoint '" + text + "' has no host: write it as " + scheme + "://host:port");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UserError("endpoint '" + text + "' carries a login: keep the password out of the command line, "
                    + "put it in an environment variable and name that with --password-env (and the user with --user)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw new UserError("endpoint '" + text + "': give only " + scheme + "://host:port, without a path or query");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new EndpointAddress("rediss".equals(scheme), host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
    }

    @Override
    public String toString() {
        return (tls ? "rediss" : "redis") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
