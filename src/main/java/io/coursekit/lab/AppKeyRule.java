package io.coursekit.lab;

import java.time.Duration;
import java.util.Set;

/**
 * The keys a student's app must leave in its cache: at least one matches {@code pattern}, and each key of a
 * sample of at most {@code sample} has a TTL no longer than {@code ttlMax}.
 *
 * @param pattern a SCAN MATCH pattern, such as {@code product:*}
 */
public record AppKeyRule(String pattern, Duration ttlMax, int sample) {
    private static final int MOST_SAMPLED = 1000;

    static AppKeyRule read(YamlMap yaml) {
        yaml.allowOnly(Set.of("pattern", "ttl_max_seconds", "sample"));
        int sample = yaml.integer("sample", 1);
        if (sample > MOST_SAMPLED) {
            throw yaml.problem("sample", "'sample' reads one TTL per key: keep it at most " + MOST_SAMPLED);
        }
        return new AppKeyRule(yaml.string("pattern"), Duration.ofSeconds(yaml.integer("ttl_max_seconds", 1)), sample);
    }
}
