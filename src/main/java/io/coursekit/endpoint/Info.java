package io.coursekit.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One section of an INFO reply, such as {@code server} or {@code replication}, as field to value. */
record Info(String section, Map<String, String> fields) {

    Info {
        fields = Map.copyOf(fields);
    }

    static Info parse(String section, String reply) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : reply.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return new Info(section, fields);
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The field, or a failure naming the section it was missing from. */
    String require(String name) {
        return field(name).orElseThrow(() -> new MissingInfo("INFO " + section + " has no " + name
                + ": the endpoint hides it, so this check cannot tell"));
    }

    static final class MissingInfo extends RuntimeException {
        MissingInfo(String message) {
            super(message);
        }
    }
}
