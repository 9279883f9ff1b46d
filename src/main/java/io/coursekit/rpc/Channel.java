package io.coursekit.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@link Message}s over a pair of streams, each a 4-byte length and that many bytes of JSON. Whatever the other end
 * sends, reading costs at most the frame limit this end chose and a bounded parse: a frame that is too large or not
 * a message breaks the channel with a {@link BrokenChannel}, never this JVM.
 */
public final class Channel implements AutoCloseable {
    /** What the judge reads from a student JVM: any value of the lab API, and not enough to exhaust the judge. */
    public static final int STUDENT_FRAMES = 1024 * 1024;
    /** What comes from the grader's own side, such as a submission's classes. */
    public static final int GRADER_FRAMES = 32 * 1024 * 1024;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final int maxFrame;
    private final ObjectMapper json;

    /** @param maxFrame the largest frame this end reads */
    public Channel(InputStream in, OutputStream out, int maxFrame) {
        this.in = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 64 * 1024));
        this.maxFrame = maxFrame;
        this.json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxFrame).maxNestingDepth(64).maxNumberLength(64).build())
                .build())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The next message; blocks until one comes. */
    public Message read() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            throw new BrokenChannel("the other end closed the channel", true);
        }
        if (length < 0 || length > maxFrame) {
            throw new BrokenChannel("a frame of " + length + " bytes, more than the " + maxFrame + " allowed", false);
        }
        byte[] frame = in.readNBytes(length);
        if (frame.length < length) {
            throw new BrokenChannel("the channel ended inside a frame", false);
        }
        try {
            return json.readValue(frame, Message.class);
        } catch (JsonProcessingException e) {
            throw new BrokenChannel("a frame that is not a message: " + Remote.cut(e.getOriginalMessage()), false);
        }
    }

    /** Writes one message; safe to call from several threads. */
    public synchronized void write(Message message) throws IOException {
        byte[] frame = json.writeValueAsBytes(message);
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the other end is gone already
        }
        try {
            in.close();
        } catch (IOException e) {
            // as above
        }
    }

    /** The channel cannot be read any more: the other end ended, or sent something that is not a message. */
    public static final class BrokenChannel extends IOException {
        private final boolean closed;

        BrokenChannel(String why, boolean closed) {
            super(why);
            this.closed = closed;
        }

        /** True when the other end simply closed it; false when it sent something that is not a message. */
        public boolean closed() {
            return closed;
        }
    }
}
