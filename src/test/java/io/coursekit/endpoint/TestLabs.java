package io.coursekit.endpoint;

import io.coursekit.testing.SharedRedis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the cache-aside lab pack's lab.yaml with some settings changed, for endpoint tests. */
public final class TestLabs {
    /** The lab's own p99 bound (20 ms) is for a cache near its app; a busy two-core test machine can miss it over TLS. */
    public static final String[] PATIENT = {"latency_p99_ms: 20", "latency_p99_ms: 1000"};

    private TestLabs() {
    }

    /** Writes {@code dir/lab.yaml}: the cache-aside lab.yaml with each {@code from, to} pair replaced. */
    public static Path cacheAside(Path dir, String... fromTo) throws IOException {
        String yaml = Files.readString(SharedRedis.root().resolve("grader/labs/cache-aside/lab.yaml"));
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!yaml.contains(fromTo[i])) {
                throw new IllegalStateException("the cache-aside lab.yaml no longer says '" + fromTo[i] + "'");
            }
            yaml = yaml.replace(fromTo[i], fromTo[i + 1]);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("lab.yaml"), yaml);
        return dir;
    }
}
