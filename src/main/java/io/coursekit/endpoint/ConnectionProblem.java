package io.coursekit.endpoint;

import io.lettuce.core.RedisCommandTimeoutException;
import io.netty.channel.ConnectTimeoutException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Why the grader could not talk to an endpoint, said so that the student knows what to change.
 *
 * @param kind    which checks can still judge the endpoint
 * @param message one sentence, such as {@code connection refused at 127.0.0.1:6380}
 */
record ConnectionProblem(Kind kind, String message) {

    enum Kind {
        /** Nothing answered in Redis' language: no check can run. */
        UNREACHABLE("endpoint unreachable"),
        /** TCP worked but TLS did not. */
        TLS("TLS handshake failed"),
        /** Redis answered but refused the login: TLS, if any, worked. */
        LOGIN("not logged in");

        private final String notRun;

        Kind(String notRun) {
            this.notRun = notRun;
        }
    }

    /** The reason a check that needs a connection gives for not running; the message itself is reachable's. */
    String notRunReason() {
        return "not run: " + kind.notRun + " (see reachable)";
    }

    /** Reads the cause chain of a failed connect or command against {@code address}. */
    static ConnectionProblem of(Throwable error, EndpointAddress address, Duration timeout) {
        String where = address.host() + ":" + address.port();
        String seconds = seconds(timeout);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage();
            if (text.startsWith("NOAUTH")) {
                return new ConnectionProblem(Kind.LOGIN, "NOAUTH: this endpoint needs a password "
                        + "(put it in an environment variable and give its name with --password-env)");
            }
            if (text.startsWith("WRONGPASS") || text.contains("invalid username-password")) {
                return new ConnectionProblem(Kind.LOGIN, "WRONGPASS: the endpoint refused this user name and password");
            }
            if (cause instanceof UnknownHostException) {
                return new ConnectionProblem(Kind.UNREACHABLE, "unknown host " + address.host()
                        + ": check the endpoint's name (copy it from the console)");
            }
            if (cause instanceof ConnectException && text.toLowerCase(Locale.ROOT).contains("refused")) {
                return new ConnectionProblem(Kind.UNREACHABLE, "connection refused at " + where
                        + ": nothing listens on that port; check the port and that the server is running");
            }
            if (cause instanceof ConnectTimeoutException || cause instanceof NoRouteToHostException) {
                return new ConnectionProblem(Kind.UNREACHABLE, "no answer within " + seconds
                        + ": does the security group allow port " + address.port() + " from the grader?");
            }
            if (cause instanceof SSLException) {
                return tls(cause, address);
            }
            if (cause instanceof RedisCommandTimeoutException || cause instanceof TimeoutException) {
                return new ConnectionProblem(Kind.UNREACHABLE, "connected to " + where + " but no answer within "
                        + seconds + (address.tls() ? ": is encryption in transit on? (without it, give redis://)"
                        : ": is it Redis, and does it expect TLS (rediss://)?"));
            }
            if (text.startsWith("Invalid first byte")) {
                return new ConnectionProblem(Kind.UNREACHABLE, where + " answered, but not in Redis' protocol: "
                        + "is this the port of the Redis endpoint?");
            }
            if (text.contains("Connection closed prematurely") || text.contains("Connection reset")) {
                return new ConnectionProblem(Kind.UNREACHABLE, where + " closed the connection"
                        + (address.tls() ? "" : ": does it expect TLS (rediss://)?"));
            }
        }
        return new ConnectionProblem(Kind.UNREACHABLE, "cannot talk to " + where + ": " + rootMessage(error));
    }

    static boolean isTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisCommandTimeoutException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ConnectionProblem tls(Throwable handshake, EndpointAddress address) {
        for (Throwable cause = handshake; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage();
            if (text.contains("No subject alternative") || text.contains("doesn't match any of the subject")) {
                return new ConnectionProblem(Kind.TLS, "TLS handshake failed: the certificate is not for "
                        + address.host() + " (connect with the name the certificate was issued for)");
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return new ConnectionProblem(Kind.TLS, "TLS handshake failed: certificate not trusted "
                        + "(give the CA that signed it with --ca-file)");
            }
            if (cause instanceof CertificateException && text.contains("expired")) {
                return new ConnectionProblem(Kind.TLS, "TLS handshake failed: the certificate has expired");
            }
        }
        return new ConnectionProblem(Kind.TLS, "TLS handshake failed: " + rootMessage(handshake));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static String seconds(Duration time) {
        return time.toMillis() % 1000 == 0 ? time.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
    }
}
