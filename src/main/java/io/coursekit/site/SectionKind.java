package io.coursekit.site;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a folder is: the course itself, a week ({@code week_03}, {@code week_03_supplement}), a day ({@code day1_eks_setup}) or any other folder. */
public enum SectionKind {
    COURSE, WEEK, DAY, FOLDER;

    private static final Pattern NUMBERED = Pattern.compile("(week|day)[_-]?(\\d+)(?:[_-].*)?");

    /** The kind and number a folder name gives, {@code FOLDER} and 0 when it follows no convention. */
    record Naming(SectionKind kind, int number) {
    }

    static Naming of(String folderName) {
        Matcher m = NUMBERED.matcher(folderName.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return new Naming(FOLDER, 0);
        }
        return new Naming(m.group(1).equals("week") ? WEEK : DAY, Integer.parseInt(m.group(2)));
    }

    static Optional<Integer> numberOf(String folderName, SectionKind kind) {
        Naming naming = of(folderName);
        return naming.kind() == kind ? Optional.of(naming.number()) : Optional.empty();
    }
}
