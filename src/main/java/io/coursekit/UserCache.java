package io.coursekit;

import java.nio.file.Path;

/** This user's cache folder for coursekit: {@code $XDG_CACHE_HOME/coursekit}, else {@code ~/.cache/coursekit}. */
public final class UserCache {
    private UserCache() {
    }

    /** The cache's sub-folder for one kind of thing ({@code labs}, {@code diagrams}); it may not exist yet. */
    public static Path folder(String kind) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("coursekit").resolve(kind);
    }
}
