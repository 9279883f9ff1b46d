package io.coursekit.cli;

import io.coursekit.grader.Lab;
import io.coursekit.redis.RedisMode;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every grading command shares: which lab, where labs live, which Redis. */
final class LabOptions {

    @Option(names = "--lab", required = true, paramLabel = "LAB",
            description = "The lab: an id under --labs-dir (cache-aside) or the path of a lab pack folder.")
    String lab;

    @Option(names = "--labs-dir", paramLabel = "DIR", defaultValue = "grader/labs",
            description = "Where lab packs live (default: ${DEFAULT-VALUE}).")
    Path labsDir;

    @Option(names = "--redis", paramLabel = "MODE", defaultValue = "auto",
            description = {"Which Redis to grade with (default: ${DEFAULT-VALUE}):",
                    "  auto            REDIS_URL, else redis-server or valkey-server on PATH, else the embedded binary",
                    "  binary:PATH     start this redis-server",
                    "  uri:redis://HOST:PORT  use a running Redis",
                    "  docker:IMAGE    start a container (needs a Docker engine)"})
    String redis;

    Lab lab() {
        return Lab.find(lab, labsDir);
    }

    RedisMode redisMode() {
        return RedisMode.parse(redis);
    }
}
