package io.coursekit.site;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Markdown file is in the course's folder convention, and where it sorts within its folder. */
public enum PageKind {
    OVERVIEW, SESSION, LAB, CHALLENGE, OTHER;

    private static final Pattern NUMBERED = Pattern.compile("(session|lab|challenge)_(\\d+)\\.md");

    /** The default order key of a file name: README first, then sessions, labs, challenges by number, then the rest. */
    record Placement(PageKind kind, int number) {
        int order() {
            return kind.ordinal() * 1000 + number;
        }
    }

    static Placement place(String fileName) {
        if (fileName.equalsIgnoreCase("README.md")) {
            return new Placement(OVERVIEW, 0);
        }
        Matcher m = NUMBERED.matcher(fileName.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            PageKind kind = valueOf(m.group(1).toUpperCase(Locale.ROOT));
            return new Placement(kind, Integer.parseInt(m.group(2)));
        }
        return new Placement(OTHER, 999);
    }
}
