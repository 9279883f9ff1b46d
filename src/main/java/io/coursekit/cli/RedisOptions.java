package io.coursekit.cli;

import io.coursekit.redis.RedisMode;
import picocli.CommandLine.Option;

/** The Redis that submissions are graded against. */
final class RedisOptions {

    @Option(names = "--redis", paramLabel = "MODE", defaultValue = "auto",
            description = {"Which Redis to grade with (default: ${DEFAULT-VALUE}):",
                    "  auto            REDIS_URL, else redis-server or valkey-server on PATH, else the embedded binary",
                    "  binary:PATH     start this redis-server",
                    "  uri:redis://HOST:PORT  use a running Redis",
                    "  docker:IMAGE    start a container (needs a Docker engine)"})
    String redis;

    RedisMode mode() {
        return RedisMode.parse(redis);
    }
}
