package io.coursekit.endpoint;

import io.coursekit.lab.EndpointRubric;
import io.coursekit.lab.VersionRange;

import java.util.Map;
import java.util.stream.Collectors;

/** {@code engine-and-version}: INFO server names an engine and version the lab accepts. */
final class EngineVersion implements EndpointCheck {

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        return judge(session.info("server"), rubric.engines());
    }

    /** Valkey says so in {@code server_name} (8.0 on) or {@code valkey_version}; its {@code redis_version} is a compatibility figure. */
    static Finding judge(Info server, Map<String, VersionRange> accepted) {
        boolean valkey = server.field("server_name").map("valkey"::equalsIgnoreCase).orElse(false)
                || server.field("valkey_version").isPresent();
        String version = valkey ? server.field("valkey_version").orElseGet(() -> server.require("redis_version"))
                : server.require("redis_version");
        String seen = (valkey ? "Valkey " : "Redis ") + version;
        VersionRange range = accepted.get(valkey ? "valkey" : "redis");
        if (range != null && range.accepts(version)) {
            return Finding.pass(seen);
        }
        return Finding.fail(seen + " is not accepted: this lab accepts " + accepted.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" or ")));
    }
}
