package io.coursekit.sandbox;

import io.coursekit.rpc.Message;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Stands in for System.out and System.err: keeps what the submission prints until the next reply takes it, at most
 * the lab's limit, and drops the rest, so printing without end costs memory of that size only.
 */
final class PrintedOutput extends OutputStream {
    private final byte[] kept;
    private int size;
    private boolean cut;

    PrintedOutput(int capBytes) {
        this.kept = new byte[capBytes];
    }

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (size < kept.length) {
            kept[size++] = (byte) b;
        } else {
            cut = true;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.min(length, kept.length - size);
        System.arraycopy(bytes, offset, kept, size, room);
        size += room;
        cut |= room < length;
    }

    /** What was printed since the last time, as a message; empty when nothing was. */
    synchronized Optional<Message.Printed> take() {
        if (size == 0 && !cut) {
            return Optional.empty();
        }
        Message.Printed printed = new Message.Printed(0, new String(Arrays.copyOf(kept, size), StandardCharsets.UTF_8), cut);
        size = 0;
        cut = false;
        return Optional.of(printed);
    }
}
