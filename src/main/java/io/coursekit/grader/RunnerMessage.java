package io.coursekit.grader;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One message from a check JVM to the grader, over the private socket whose port only the grader and the runner
 * know: a submission's printing never reaches this channel.
 */
record RunnerMessage(Kind kind, String checkId, boolean passed, String reason, String output, boolean outputCut,
                     long millis) {

    enum Kind {
        /** the runner is connected and warmed up, Redis and the proxy are up; millis: the JVM's age */
        READY,
        STARTED,
        /** millis: how long the check took, measured where it ran */
        FINISHED,
        /**
         * every check of the submission has been reported; passed: the JVM may grade another submission, as the
         * submission left nothing behind; reason: otherwise, what it left
         */
        DONE,
        /** never sent: the grader's reader adds it when the channel ends, because the runner finished or died */
        CLOSED
    }

    static RunnerMessage ready(long ageMillis) {
        return new RunnerMessage(Kind.READY, "", false, "", "", false, ageMillis);
    }

    static RunnerMessage started(String checkId) {
        return new RunnerMessage(Kind.STARTED, checkId, false, "", "", false, 0);
    }

    static RunnerMessage finished(String checkId, boolean passed, String reason, String output, boolean outputCut,
                                  long millis) {
        return new RunnerMessage(Kind.FINISHED, checkId, passed, reason, output, outputCut, millis);
    }

    static RunnerMessage done(Optional<String> leftBehind) {
        return new RunnerMessage(Kind.DONE, "", leftBehind.isEmpty(), leftBehind.orElse(""), "", false, 0);
    }

    static RunnerMessage closed() {
        return new RunnerMessage(Kind.CLOSED, "", false, "", "", false, 0);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeByte(kind.ordinal());
        text(out, checkId);
        out.writeBoolean(passed);
        text(out, reason);
        text(out, output);
        out.writeBoolean(outputCut);
        out.writeLong(millis);
        out.flush();
    }

    static RunnerMessage read(DataInputStream in) throws IOException {
        Kind kind = Kind.values()[in.readUnsignedByte()];
        return new RunnerMessage(kind, text(in), in.readBoolean(), text(in), text(in), in.readBoolean(), in.readLong());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
