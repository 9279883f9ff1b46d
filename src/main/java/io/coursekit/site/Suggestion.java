package io.coursekit.site;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Optional;

/** The known name nearest to a mistyped one, when it is near enough to be what the author meant. */
final class Suggestion {
    private Suggestion() {
    }

    static Optional<String> nearest(String wrong, Collection<String> known) {
        return nearest(wrong, known, Math.max(2, wrong.length() / 3));
    }

    /** @param limit the most characters to add, drop or change */
    static Optional<String> nearest(String wrong, Collection<String> known, int limit) {
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance.apply(wrong, candidate);
            if (d >= 0 && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
