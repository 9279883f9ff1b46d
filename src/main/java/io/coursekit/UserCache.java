package io.coursekit;

import java.nio.file.Path;

/**
 * This user's cache folder for coursekit: {@code $XDG_CACHE_HOME/coursekit}, else {@code ~/.cache/coursekit}; for root,
 * {@code /var/cache/coursekit}, whose folders the sandbox's own user can read (root's home is closed to it).
 */
public final class UserCache {
    private UserCache() {
    }

    /** The cache's sub-folder for one kind of thing ({@code labs}, {@code diagrams}); it may not exist yet. */
    public static Path folder(String kind) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : "root".equals(System.getProperty("user.name")) ? Path.of("/var/cache")
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("coursekit").resolve(kind);
    }
}
