package io.coursekit.grader;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** What a judge JVM tells the grader, one JSON line each on its standard output. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JudgeMessage.Ready.class, name = "ready"),
        @JsonSubTypes.Type(value = JudgeMessage.Started.class, name = "started"),
        @JsonSubTypes.Type(value = JudgeMessage.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = JudgeMessage.Done.class, name = "done"),
        @JsonSubTypes.Type(value = JudgeMessage.Ended.class, name = "ended"),
})
public sealed interface JudgeMessage {

    /** Warmed up, Redis and the fault proxy reachable; {@code ageMillis}: how long the JVM took to get here. */
    record Ready(long ageMillis) implements JudgeMessage {
    }

    record Started(String checkId) implements JudgeMessage {
    }

    /**
     * @param ran    false when the check never ran, such as after the submission's time was used up
     * @param reason why it failed; null when it passed
     * @param output what the submission printed during the check, cut at the lab's limit
     * @param notes  what the check measured
     */
    record Finished(String checkId, boolean passed, boolean ran, Reason reason, String output, List<String> notes,
                    long millis) implements JudgeMessage {
    }

    /** Every check of the submission has been reported. */
    record Done() implements JudgeMessage {
    }

    /** Never sent: the grader's reader adds it when the judge's output ends, because it finished or died. */
    record Ended() implements JudgeMessage {
    }
}
