package io.coursekit.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains a check JVM's console so it never blocks on a full pipe, keeping only the last bytes for diagnosis. */
final class ConsoleTail {
    private final byte[] ring;
    private long total;

    private ConsoleTail(int bytes) {
        this.ring = new byte[bytes];
    }

    static ConsoleTail drain(InputStream console, int bytes) {
        ConsoleTail tail = new ConsoleTail(bytes);
        Thread thread = new Thread(() -> tail.read(console), "check-jvm-console");
        thread.setDaemon(true);
        thread.start();
        return tail;
    }

    private void read(InputStream console) {
        byte[] buffer = new byte[8192];
        try (console) {
            for (int n; (n = console.read(buffer)) > 0; ) {
                keep(buffer, n);
            }
        } catch (IOException e) {
            // the JVM is gone; what was kept is all there is
        }
    }

    private synchronized void keep(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) (total++ % ring.length)] = buffer[i];
        }
    }

    synchronized String text() {
        int size = (int) Math.min(total, ring.length);
        byte[] ordered = new byte[size];
        for (int i = 0; i < size; i++) {
            ordered[i] = ring[(int) ((total - size + i) % ring.length)];
        }
        return new String(ordered, StandardCharsets.UTF_8).strip();
    }
}
