package io.coursekit.grader.judge;

import java.nio.charset.StandardCharsets;

/** What the submission printed during one check, up to the lab's limit: the rest only marks it as cut. */
final class CheckOutput {
    private final int capBytes;
    private final StringBuilder text = new StringBuilder();
    private int bytes;
    private boolean cut;

    CheckOutput(int capBytes) {
        this.capBytes = capBytes;
    }

    synchronized void add(String printed, boolean cutBefore) {
        cut |= cutBefore;
        byte[] utf8 = printed.getBytes(StandardCharsets.UTF_8);
        if (bytes + utf8.length <= capBytes) {
            text.append(printed);
            bytes += utf8.length;
            return;
        }
        cut = true;
        int room = capBytes - bytes;
        if (room > 0) {
            String kept = new String(utf8, 0, room, StandardCharsets.UTF_8);
            // a character split at the cut decodes as U+FFFD: leave it out
            text.append(kept.endsWith("\uFFFD") ? kept.substring(0, kept.length() - 1) : kept);
            bytes = capBytes;
        }
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized boolean cut() {
        return cut;
    }
}
