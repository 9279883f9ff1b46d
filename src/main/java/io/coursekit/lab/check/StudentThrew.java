package io.coursekit.lab.check;

/** A call on the student's object threw: this is what it threw, as far as the student's JVM said. */
public final class StudentThrew extends RuntimeException {
    private final String type;
    private final String thrownMessage;
    private final String at;

    public StudentThrew(String type, String message, String at) {
        super(type + (message.isEmpty() ? "" : ": " + message) + (at.isEmpty() ? "" : " (at " + at + ")"), null,
                false, false);
        this.type = type;
        this.thrownMessage = message;
        this.at = at;
    }

    /** The class name of what was thrown, such as {@code io.lettuce.core.RedisConnectionException}. */
    public String type() {
        return type;
    }

    /** The message of what was thrown, empty when it had none. */
    public String thrownMessage() {
        return thrownMessage;
    }

    /** {@code File.java:line} in the student's code, empty when unknown. */
    public String at() {
        return at;
    }
}
