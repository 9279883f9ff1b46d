package io.coursekit.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions a lab accepts, written as comparisons joined by commas: {@code >=7.2} or {@code >=7.0, <8}. */
public final class VersionRange {
    private static final Pattern BOUND = Pattern.compile("\\s*(>=|<=|>|<|=)?\\s*(\\d+(?:\\.\\d+)*)\\s*");
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private final String text;
    private final List<Bound> bounds;

    private VersionRange(String text, List<Bound> bounds) {
        this.text = text;
        this.bounds = List.copyOf(bounds);
    }

    private record Bound(String operator, List<Integer> version) {
        boolean accepts(List<Integer> candidate) {
            int order = compare(candidate, version);
            return switch (operator) {
                case ">=" -> order >= 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case "<" -> order < 0;
                default -> order == 0;
            };
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text} */
    public static VersionRange parse(String text) {
        List<Bound> bounds = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher bound = BOUND.matcher(part);
            if (!bound.matches()) {
                throw new IllegalArgumentException("version range '" + text + "': '" + part.strip()
                        + "' is not a comparison such as >=7.2");
            }
            bounds.add(new Bound(bound.group(1) == null ? "=" : bound.group(1), numbers(bound.group(2))));
        }
        return new VersionRange(text, bounds);
    }

    /** Whether a server's version, such as {@code 7.2.4}, is in the range; a version that is not numbers is not. */
    public boolean accepts(String version) {
        if (!VERSION.matcher(version).matches()) {
            return false;
        }
        List<Integer> candidate = numbers(version);
        return bounds.stream().allMatch(b -> b.accepts(candidate));
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<Integer> numbers(String version) {
        return Arrays.stream(version.split("\\.")).map(Integer::valueOf).toList();
    }

    /** Compares as if the shorter version had zeros appended, so 7.2 equals 7.2.0. */
    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
