package io.coursekit.site.diagrams;

import java.util.Map;

/** What Mermaid made of one diagram source: its pictures, or its own message about what it could not parse. */
sealed interface Drawing {

    /** @param pictures markup (or file bytes) by format */
    record Pictures(Map<DiagramFormat, byte[]> pictures) implements Drawing {
    }

    /** @param message Mermaid's message, as Mermaid words it */
    record Failed(String message) implements Drawing {
    }
}
