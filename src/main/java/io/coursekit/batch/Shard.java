package io.coursekit.batch;

import io.coursekit.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part {@code index} (from 0) of {@code count} of a class: the students whose place in the class, sorted by id,
 * is {@code index} modulo {@code count}. Every machine that sees the same submissions picks the same students,
 * the parts are as even as they can be, and together they are the whole class.
 */
public record Shard(int index, int count) {
    private static final Pattern SYNTAX = Pattern.compile("(\\d+)/(\\d+)");
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new UserError("--shard " + index + "/" + count + ": needs 0 <= i < N");
        }
    }

    /** Reads {@code i/N}, as in {@code --shard $JOB_COMPLETION_INDEX/4}. */
    public static Shard parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw new UserError("--shard " + text + ": expected i/N, such as 0/3 (i counts from 0)");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** @param sorted the whole class, sorted by student id */
    public <T> List<T> of(List<T> sorted) {
        List<T> part = new ArrayList<>();
        for (int i = index; i < sorted.size(); i += count) {
            part.add(sorted.get(i));
        }
        return part;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
