package io.coursekit.site;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives headings the ids GitHub gives them (github-slugger): lower case, every character that is not a letter,
 * mark, number, connector, hyphen or space dropped (emoji too), spaces turned into hyphens, repeats numbered -1, -2.
 * So {@code ## 🎯 학습 목표} becomes {@code -학습-목표}, and links copied from GitHub keep working.
 */
final class HeadingIds {
    private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Nl}\\p{Pc} \\-]");

    private final Map<String, Integer> seen = new HashMap<>();

    String idFor(String headingText) {
        String base = DROPPED.matcher(headingText.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
        String id = base;
        while (seen.containsKey(id)) {
            int n = seen.merge(base, 1, Integer::sum);
            id = base + "-" + n;
        }
        seen.putIfAbsent(id, 0);
        return id;
    }
}
