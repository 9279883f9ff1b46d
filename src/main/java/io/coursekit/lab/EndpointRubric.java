package io.coursekit.lab;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code endpoint:} section of a lab.yaml: how a student's deployed Redis or Valkey must be set up,
 * and the rubric {@code coursekit endpoint} scores it by.
 *
 * @param connectTimeout   the limit of each network step, connecting included
 * @param engines          engine name ({@code valkey} or {@code redis}) to the versions accepted
 * @param evictionPolicies the {@code maxmemory-policy} values accepted
 * @param minReplicas      connected replicas each primary needs; 0 when the lab needs none
 * @param latencyP99       the highest p99 of PING round trips that earns the latency points
 * @param checks           in rubric order; ids are from {@link #CHECK_IDS}
 */
public record EndpointRubric(Duration connectTimeout, boolean requiresAuth, boolean tlsRequired,
                             Map<String, VersionRange> engines, Set<String> evictionPolicies, int minReplicas,
                             boolean clusterMode, AppKeyRule appKeys, Duration latencyP99, List<Check> checks) {

    /** The checks {@code coursekit endpoint} knows how to run. */
    public static final Set<String> CHECK_IDS = Set.of("reachable", "auth-required", "tls-in-transit",
            "engine-and-version", "eviction-policy", "replication", "cluster-mode", "app-keys", "latency");
    private static final Set<String> ENGINES = Set.of("valkey", "redis");

    public EndpointRubric {
        engines = Map.copyOf(engines);
        evictionPolicies = Set.copyOf(evictionPolicies);
        checks = List.copyOf(checks);
    }

    static EndpointRubric read(YamlMap yaml) {
        yaml.allowOnly(Set.of("connect_timeout_seconds", "requires_auth", "tls", "engines", "eviction_policies",
                "min_replicas", "cluster_mode", "app_keys", "latency_p99_ms", "checks"));
        List<Check> checks = Lab.checks(yaml);
        List<YamlMap> entries = yaml.maps("checks");
        for (int i = 0; i < checks.size(); i++) {
            if (!CHECK_IDS.contains(checks.get(i).id())) {
                throw entries.get(i).problem("id", "endpoint check '" + checks.get(i).id() + "' is unknown (expected one of "
                        + String.join(", ", CHECK_IDS.stream().sorted().toList()) + ")");
            }
        }
        return new EndpointRubric(Duration.ofSeconds(yaml.integer("connect_timeout_seconds", 1)),
                yaml.flag("requires_auth", false), choice(yaml, "tls", "required", "optional"),
                engines(yaml.map("engines")), new LinkedHashSet<>(yaml.strings("eviction_policies")),
                yaml.integer("min_replicas", 0), choice(yaml, "cluster_mode", "enabled", "disabled"),
                AppKeyRule.read(yaml.map("app_keys")), Duration.ofMillis(yaml.integer("latency_p99_ms", 1)), checks);
    }

    /** True for {@code yes}, false for {@code no}, a problem for anything else. */
    private static boolean choice(YamlMap yaml, String key, String yes, String no) {
        String value = yaml.string(key);
        if (!value.equals(yes) && !value.equals(no)) {
            throw yaml.problem(key, "'" + key + "' must be " + yes + " or " + no + ", not '" + value + "'");
        }
        return value.equals(yes);
    }

    private static Map<String, VersionRange> engines(YamlMap yaml) {
        yaml.allowOnly(ENGINES);
        if (yaml.keys().isEmpty()) {
            throw yaml.problem("'engines' needs valkey, redis or both");
        }
        Map<String, VersionRange> engines = new LinkedHashMap<>();
        for (String engine : yaml.keys()) {
            String range = yaml.string(engine);
            try {
                engines.put(engine, VersionRange.parse(range));
            } catch (IllegalArgumentException e) {
                throw yaml.problem(engine, e.getMessage());
            }
        }
        return engines;
    }
}
