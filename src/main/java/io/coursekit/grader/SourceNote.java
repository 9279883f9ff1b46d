package io.coursekit.grader;

import java.util.List;
import java.util.Locale;

/**
 * What a student should know about one of their files even when it compiled: it was left out, or read in another
 * encoding. Worded by the key {@code note.<kind>} of the report bundles, with {@link #arguments()}.
 *
 * @param file   relative to the submission
 * @param detail such as the API type the lab's own copy of is used
 */
public record SourceNote(String file, Kind kind, String detail) {

    public enum Kind {
        /** a copy of one of the lab's API types: the lab's own is used */
        API_COPY,
        /** submissions are compiled without modules */
        MODULE_INFO,
        /** under src/test: the submission's own tests are not graded */
        OWN_TEST,
        /** not valid UTF-8, read as MS949 (EUC-KR), as a Korean Windows editor saves it */
        READ_AS_MS949,
        /** neither UTF-8 nor MS949: characters that are neither were replaced */
        UNREADABLE_CHARACTERS
    }

    public String key() {
        return "note." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public List<Object> arguments() {
        return List.of(file, detail);
    }
}
