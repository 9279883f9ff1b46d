package io.coursekit.endpoint;

import io.coursekit.grader.Reason;
import io.coursekit.grader.Reason.EndpointProblem.Endpoint;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Why the grader could not talk to an endpoint, as a reason a report words so that the student knows what to change.
 *
 * @param kind   which checks can still judge the endpoint
 * @param reason such as {@code connection refused at 127.0.0.1:6380}
 */
record ConnectionProblem(Kind kind, Reason.EndpointProblem reason) {

    enum Kind {
        /** Nothing answered in Redis' language: no check can run. */
        UNREACHABLE(Reason.EndpointNotRun.Connection.UNREACHABLE),
        /** TCP worked but TLS did not. */
        TLS(Reason.EndpointNotRun.Connection.TLS),
        /** Redis answered but refused the login: TLS, if any, worked. */
        LOGIN(Reason.EndpointNotRun.Connection.LOGIN);

        private final Reason.EndpointNotRun.Connection missing;

        Kind(Reason.EndpointNotRun.Connection missing) {
            this.missing = missing;
        }
    }

    /** The reason a check that needs a connection gives for not running; the problem itself is reachable's. */
    Reason notRunReason() {
        return new Reason.EndpointNotRun(kind.missing, null);
    }

    private static ConnectionProblem of(Kind kind, Reason.EndpointProblem.Endpoint problem, String... details) {
        return new ConnectionProblem(kind, new Reason.EndpointProblem(problem, List.of(details)));
    }

    /** Reads the cause chain of a failed connect or command against {@code address}. */
    static ConnectionProblem of(Throwable error, EndpointAddress address, Duration timeout) {
        String where = address.host() + ":" + address.port();
        String seconds = seconds(timeout);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage();
            if (text.startsWith("NOAUTH")) {
                return of(Kind.LOGIN, Endpoint.NOAUTH);
            }
            if (text.startsWith("WRONGPASS") || text.contains("invalid username-password")) {
                return of(Kind.LOGIN, Endpoint.WRONGPASS);
            }
            if (cause instanceof UnknownHostException) {
                return of(Kind.UNREACHABLE, Endpoint.UNKNOWN_HOST, address.host());
            }
            if (cause instanceof ConnectException && text.toLowerCase(Locale.ROOT).contains("refused")) {
                return of(Kind.UNREACHABLE, Endpoint.REFUSED, where);
            }
            if (cause instanceof ConnectTimeoutException || cause instanceof NoRouteToHostException) {
                return of(Kind.UNREACHABLE, Endpoint.NO_ANSWER, seconds, String.valueOf(address.port()));
            }
            if (cause instanceof SSLException) {
                return tls(cause, address);
            }
            if (cause instanceof RedisCommandTimeoutException || cause instanceof TimeoutException) {
                return of(Kind.UNREACHABLE, address.tls() ? Endpoint.NO_ANSWER_TLS : Endpoint.NO_ANSWER_PLAIN, where, seconds);
            }
            if (text.startsWith("Invalid first byte")) {
                return of(Kind.UNREACHABLE, Endpoint.NOT_REDIS, where);
            }
            if (text.contains("Connection closed prematurely") || text.contains("Connection reset")) {
                return of(Kind.UNREACHABLE, address.tls() ? Endpoint.CLOSED : Endpoint.CLOSED_PLAIN, where);
            }
        }
        return of(Kind.UNREACHABLE, Endpoint.OTHER, where, rootMessage(error));
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
                return of(Kind.TLS, Endpoint.TLS_NAME, address.host());
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return of(Kind.TLS, Endpoint.TLS_UNTRUSTED);
            }
            if (cause instanceof CertificateException && text.contains("expired")) {
                return of(Kind.TLS, Endpoint.TLS_EXPIRED);
            }
        }
        return of(Kind.TLS, Endpoint.TLS_OTHER, rootMessage(handshake));
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
