package io.coursekit.grader;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.coursekit.rpc.Message;

import java.util.List;
import java.util.Locale;

/**
 * Why a check failed or did not run: a value until a report words it in the report's language (see
 * {@code io.coursekit.report.Wording}), so no sentence is ever read back. Each kind is worded by the key
 * {@code reason.<kind>} with {@link #arguments()} as {0}, {1}, ...
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "reason")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Reason.Said.class, name = "said"),
        @JsonSubTypes.Type(value = Reason.StudentThrew.class, name = "student-threw"),
        @JsonSubTypes.Type(value = Reason.TimedOut.class, name = "timed-out"),
        @JsonSubTypes.Type(value = Reason.TimeLimitReached.class, name = "time-limit-reached"),
        @JsonSubTypes.Type(value = Reason.TimeUsedUp.class, name = "time-used-up"),
        @JsonSubTypes.Type(value = Reason.DoesNotCompile.class, name = "does-not-compile"),
        @JsonSubTypes.Type(value = Reason.NotGraded.class, name = "not-graded"),
        @JsonSubTypes.Type(value = Reason.StudentJvmEnded.class, name = "student-jvm-ended"),
        @JsonSubTypes.Type(value = Reason.OutOfMemory.class, name = "out-of-memory"),
        @JsonSubTypes.Type(value = Reason.OutputCut.class, name = "output-cut"),
        @JsonSubTypes.Type(value = Reason.BrokeChannel.class, name = "broke-channel"),
        @JsonSubTypes.Type(value = Reason.StudentClassProblem.class, name = "student-class"),
        @JsonSubTypes.Type(value = Reason.CheckSkipped.class, name = "check-skipped"),
        @JsonSubTypes.Type(value = Reason.GraderTrouble.class, name = "grader-trouble"),
        @JsonSubTypes.Type(value = Reason.EndpointProblem.class, name = "endpoint"),
        @JsonSubTypes.Type(value = Reason.EndpointNotRun.class, name = "endpoint-not-run"),
        @JsonSubTypes.Type(value = Reason.CompilerStopped.class, name = "compiler-stopped"),
        @JsonSubTypes.Type(value = Reason.NoSources.class, name = "no-sources"),
})
public sealed interface Reason {

    /** The word after {@code reason.} in the report bundles. */
    String kind();

    /** What fills the kind's text. */
    List<Object> arguments();

    /** A check's own words, as the lab pack wrote them. */
    record Said(String text) implements Reason {
        public String kind() {
            return "said";
        }

        public List<Object> arguments() {
            return List.of(text);
        }
    }

    /**
     * The student's code threw out of a call the check made, and the check let it through.
     *
     * @param at {@code File.java:line} in the student's code, empty when unknown
     */
    record StudentThrew(String type, String message, String at) implements Reason {
        public String kind() {
            return at.isEmpty() ? "student-threw" : "student-threw-at";
        }

        public List<Object> arguments() {
            return List.of(message.isEmpty() ? type : type + ": " + message, at);
        }
    }

    /** The check ran past its own timeout. */
    record TimedOut(long seconds) implements Reason {
        public String kind() {
            return "timed-out";
        }

        public List<Object> arguments() {
            return List.of(seconds);
        }
    }

    /** The submission's time limit ran out during this check. */
    record TimeLimitReached(long seconds) implements Reason {
        public String kind() {
            return "time-limit-reached";
        }

        public List<Object> arguments() {
            return List.of(seconds);
        }
    }

    /** Not run: the checks before it used up the submission's time limit. */
    record TimeUsedUp(long seconds) implements Reason {
        public String kind() {
            return "time-used-up";
        }

        public List<Object> arguments() {
            return List.of(seconds);
        }
    }

    /** Not run: the submission does not compile. */
    record DoesNotCompile() implements Reason {
        public String kind() {
            return "does-not-compile";
        }

        public List<Object> arguments() {
            return List.of();
        }
    }

    /**
     * The compiler was stopped at its sandbox's limits, as a source written to make javac slow or hungry is.
     *
     * @param value seconds, megabytes or the exit status, as {@code limit} says
     */
    record CompilerStopped(Limit limit, long value) implements Reason {
        public String kind() {
            return "compiler-" + limit.name().toLowerCase(Locale.ROOT);
        }

        public List<Object> arguments() {
            return List.of(value);
        }

        public enum Limit { TIME, MEMORY, ENDED }
    }

    /** The submission has no .java files of its own, or more source text than a submission may have. */
    record NoSources(long kibOver) implements Reason {
        public String kind() {
            return kibOver == 0 ? "no-sources" : "sources-too-large";
        }

        public List<Object> arguments() {
            return List.of(kibOver);
        }
    }

    /** Not run: the submission could not be read, such as a zip that was refused. */
    record NotGraded(String why) implements Reason {
        public String kind() {
            return "not-graded";
        }

        public List<Object> arguments() {
            return List.of(why);
        }
    }

    /**
     * The submission's own JVM ended during the check: it called {@code System.exit}, crashed, or was stopped for
     * going past one of its sandbox's limits (a status above 128 is a signal).
     */
    record StudentJvmEnded(int status) implements Reason {
        public String kind() {
            return status > 128 ? "student-jvm-killed" : "student-jvm-ended";
        }

        public List<Object> arguments() {
            return List.of(status, status - 128);
        }
    }

    /** The student's code ran out of the heap its JVM has. */
    record OutOfMemory(int heapMb) implements Reason {
        public String kind() {
            return "out-of-memory";
        }

        public List<Object> arguments() {
            return List.of(heapMb);
        }
    }

    /** The submission printed more than the lab's limit during the check; {@code also} is why else it failed. */
    record OutputCut(int kib, Reason also) implements Reason {
        public String kind() {
            return also == null ? "output-cut" : "output-cut-and";
        }

        public List<Object> arguments() {
            return also == null ? List.of(kib) : List.of(kib, also);
        }
    }

    /** The student's JVM wrote something to the grader's channel that is not a message: its own output went there. */
    record BrokeChannel(String what) implements Reason {
        public String kind() {
            return "broke-channel";
        }

        public List<Object> arguments() {
            return List.of(what);
        }
    }

    /**
     * The class the lab asks for cannot be built.
     *
     * @param constructor the constructor the lab promises, as students read it
     */
    record StudentClassProblem(Message.Refusal problem, String className, String detail, String constructor)
            implements Reason {
        public String kind() {
            return "student-class." + problem.name().toLowerCase(Locale.ROOT);
        }

        public List<Object> arguments() {
            return List.of(className.substring(className.lastIndexOf('.') + 1), className, detail, constructor);
        }
    }

    /** JUnit skipped or aborted the check, or never ran it. */
    record CheckSkipped(String why) implements Reason {
        public String kind() {
            return "check-skipped";
        }

        public List<Object> arguments() {
            return List.of(why);
        }
    }

    /** The grader itself could not run the check: its check JVM ended or did not start. */
    record GraderTrouble(String what) implements Reason {
        public String kind() {
            return "grader-trouble";
        }

        public List<Object> arguments() {
            return List.of(what);
        }
    }

    /** Why the grader could not talk to a deployed endpoint. */
    record EndpointProblem(Endpoint problem, List<String> details) implements Reason {
        public String kind() {
            return "endpoint." + problem.name().toLowerCase(Locale.ROOT);
        }

        public List<Object> arguments() {
            return List.copyOf(details);
        }

        public enum Endpoint {
            NOAUTH, WRONGPASS, UNKNOWN_HOST, REFUSED, NO_ANSWER, NO_ANSWER_TLS, NO_ANSWER_PLAIN, NOT_REDIS, CLOSED,
            CLOSED_PLAIN, OTHER, TLS_NAME, TLS_UNTRUSTED, TLS_EXPIRED, TLS_OTHER, STOPPED_ANSWERING, RUN_TIME_UP,
            REFUSED_READ
        }
    }

    /**
     * A check that needs a connection the grader does not have (see the {@code reachable} check), or a second
     * connection that failed.
     *
     * @param cause what went wrong with the connection, when it is not reachable's to say; may be null
     */
    record EndpointNotRun(Connection missing, Reason cause) implements Reason {
        public String kind() {
            return "endpoint-not-run." + missing.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public List<Object> arguments() {
            return cause == null ? List.of() : List.of(cause);
        }

        public enum Connection { UNREACHABLE, TLS, LOGIN, STOPPED, SECOND_CONNECTION }
    }
}
