package io.coursekit.rpc;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * What the judge and a sandboxed JVM say to each other, and all they can say: a call carries only the lab API's
 * values as JSON, never Java serialization, and a reply answers the call with the same {@code id}. The names of the
 * kinds are fixed here, so nothing on the wire picks a class to instantiate.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Message.Load.class, name = "load"),
        @JsonSubTypes.Type(value = Message.Create.class, name = "create"),
        @JsonSubTypes.Type(value = Message.Created.class, name = "created"),
        @JsonSubTypes.Type(value = Message.Refused.class, name = "refused"),
        @JsonSubTypes.Type(value = Message.Call.class, name = "call"),
        @JsonSubTypes.Type(value = Message.Returned.class, name = "returned"),
        @JsonSubTypes.Type(value = Message.Threw.class, name = "threw"),
        @JsonSubTypes.Type(value = Message.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = Message.Printed.class, name = "printed"),
        @JsonSubTypes.Type(value = Message.Compile.class, name = "compile"),
        @JsonSubTypes.Type(value = Message.CompileResult.class, name = "compile-result"),
})
public sealed interface Message {

    /** The call this message is or answers; 0 for messages that answer nothing ({@link Printed}). */
    long id();

    /**
     * Judge to student JVM, once: the submission's classes and how to build the student's objects.
     *
     * @param classes      class name to the class file, base64
     * @param studentClass the class the lab asks students to write
     * @param redis        how the connections handed to the student's constructor behave
     */
    record Load(long id, Map<String, String> classes, String studentClass, RedisSettings redis) implements Message {
    }

    /**
     * How the student's Redis connections behave, as the lab promises students.
     *
     * @param commandTimeoutMillis after this a command fails with a timeout
     * @param autoReconnect        false: a cut connection rejects commands at once instead of reconnecting
     */
    record RedisSettings(long commandTimeoutMillis, boolean autoReconnect) {
    }

    /** Judge to student JVM: a new instance of the student class, seen as {@code api}, built with these callbacks. */
    record Create(long id, String api, List<Callback> callbacks) implements Message {
    }

    /** An object of the judge's that the student's code may call, as the lab API interface {@code api}. */
    record Callback(long handle, String api) {
    }

    /** The instance {@link Create} asked for. */
    record Created(long id, long instance) implements Message {
    }

    /** Why {@link Create} built nothing. */
    record Refused(long id, Refusal refusal, String detail) implements Message {
    }

    enum Refusal {
        /** the submission has no class of that name */
        NO_CLASS,
        /** the class does not implement the API interface */
        NOT_THE_API,
        /** the class is not public, or is abstract or an interface */
        NOT_PUBLIC,
        /** no public constructor takes what the lab hands it */
        NO_CONSTRUCTOR,
        /** a static initializer threw */
        STATIC_INIT_THREW,
        /** the constructor threw */
        CONSTRUCTOR_THREW,
        /** the class could not be loaded or linked */
        CANNOT_LOAD
    }

    /**
     * A method call, either way: the judge calls an instance, the student's code calls a callback.
     *
     * @param parameterTypes the method's parameter types as the API declares them, to tell overloads apart
     */
    record Call(long id, long target, String method, List<String> parameterTypes, List<JsonNode> args)
            implements Message {
    }

    /** The value a {@link Call} returned ({@code null} for void), or the answer to a {@link Ping}. */
    record Returned(long id, JsonNode value) implements Message {
    }

    /**
     * A {@link Call} threw.
     *
     * @param type    the exception's class name
     * @param at      {@code File.java:line} of the student's code where it was thrown, empty when unknown
     */
    record Threw(long id, String type, String message, String at) implements Message {
    }

    /** Judge to student JVM: answer at once; with {@code redis}, after a PING over the student's path to Redis. */
    record Ping(long id, boolean redis) implements Message {
    }

    /** Student JVM to judge, before a reply: what the submission printed since the last one. */
    record Printed(long id, String text, boolean cut) implements Message {
    }

    /**
     * Grader to compile server: sources to compile against {@code classpath}.
     *
     * @param sources path relative to the submission to its text
     */
    record Compile(long id, Map<String, String> sources, List<String> classpath) implements Message {
    }

    /**
     * The compiler's answer.
     *
     * @param errors  as javac prints them, paths relative to the submission; empty when it compiled
     * @param classes class name to the class file, base64
     */
    record CompileResult(long id, String errors, Map<String, String> classes) implements Message {
    }
}
