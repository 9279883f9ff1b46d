package io.coursekit.grader;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Stands in for System.out and System.err during checks: keeps the first bytes of each check's output, drops the rest. */
final class CapturedOutput extends OutputStream {
    private final byte[] kept;
    private int size;
    private boolean cut;

    CapturedOutput(int capBytes) {
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

    synchronized void clear() {
        size = 0;
        cut = false;
    }

    synchronized String text() {
        return new String(Arrays.copyOf(kept, size), StandardCharsets.UTF_8);
    }

    synchronized boolean cut() {
        return cut;
    }
}
