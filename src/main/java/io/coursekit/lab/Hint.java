package io.coursekit.lab;

/** The one-line hint a student sees when a check fails, in Korean and English. */
public record Hint(String ko, String en) {

    /** The hint in {@code language} ({@code ko} or {@code en}); English for anything else. */
    public String in(String language) {
        return "ko".equals(language) ? ko : en;
    }
}
