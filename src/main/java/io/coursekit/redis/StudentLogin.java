package io.coursekit.redis;

import java.io.IOException;
import java.net.Socket;

/** The restricted Redis user the fault proxy logs student connections in as. */
public record StudentLogin(String user, String password) {

    /** Logs {@code redis}, a new connection, in before any of the student's bytes pass. */
    void logIn(Socket redis) throws IOException {
        RedisWire.command(redis, "AUTH", user, password);
    }
}
