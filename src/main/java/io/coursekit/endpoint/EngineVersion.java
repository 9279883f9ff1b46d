package io.coursekit.endpoint;

import io.coursekit.grader.EndpointRubric;
import io.coursekit.grader.VersionRange;

import java.util.Map;
import java.util.stream.Collectors;

/** {@code engine-and-version}: INFO server names an engine and version the lab accepts. */
final class EngineVersion implements EndpointCheck {

    @Override
    public Finding run(EndpointSession session, EndpointRubric rubric) {
        Info server = session.info("server");
        boolean valkey = server.field("server_name").map("valkey"::equalsIgnoreCase).orElse(false)
                || server.field("valkey_version").isPresent();
        String engine = valkey ? "valkey" : "redis";
        String version = valkey ? server.field("valkey_version").orElseGet(() -> server.require("redis_version"))
                : server.require("redis_version");
        String seen = (valkey ? "Valkey " : "Redis ") + version;
        VersionRange accepted = rubric.engines().get(engine);
        if (accepted != null && accepted.accepts(version)) {
            return Finding.pass(seen);
        }
        return Finding.fail(seen + " is not accepted: this lab accepts " + rubric.engines().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" or ")));
    }
}
