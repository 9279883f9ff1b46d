package io.coursekit.lab;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the lab asks students to write, from the {@code student:} section of lab.yaml: the class the checks get
 * instances of, the constructor the lab promises, and how the Redis connections handed to it behave.
 *
 * @param className      the fully qualified class name, such as {@code lab.cacheaside.CacheAsideProductService}
 * @param constructor    the constructor as students read it in the lab, for the report of a submission without it
 * @param commandTimeout a Redis command of the student's fails after this long
 * @param autoReconnect  false: a connection that was cut stays down, so a fallback is never slowed by reconnecting
 */
public record StudentContract(String className, String constructor, Duration commandTimeout, boolean autoReconnect) {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");

    static StudentContract read(YamlMap yaml) {
        yaml.allowOnly(Set.of("class", "constructor", "redis"));
        String className = yaml.string("class");
        if (!CLASS_NAME.matcher(className).matches()) {
            throw yaml.problem("class", "'" + className + "' is not a fully qualified class name");
        }
        Duration timeout = Duration.ofSeconds(1);
        boolean reconnect = true;
        if (yaml.has("redis")) {
            YamlMap redis = yaml.map("redis");
            redis.allowOnly(Set.of("command_timeout_ms", "auto_reconnect"));
            timeout = Duration.ofMillis(redis.has("command_timeout_ms") ? redis.integer("command_timeout_ms", 1) : 1000);
            reconnect = redis.flag("auto_reconnect", true);
        }
        return new StudentContract(className, yaml.string("constructor"), timeout, reconnect);
    }

    /** The class's package, where the lab's API types are too. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
