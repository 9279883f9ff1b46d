package io.coursekit.site.diagrams;

import io.coursekit.UserCache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drawn diagrams by content address ({@link MermaidBundle#key}): one file per picture, and one per diagram Mermaid
 * could not parse, holding its message. Shared by build, serve and export; pictures unused for 30 days are removed.
 */
public final class DiagramCache {
    private static final Duration UNUSED = Duration.ofDays(30);
    private static final String ERROR = "error";

    private final Path folder;

    public DiagramCache(Path folder) {
        this.folder = folder;
    }

    /** The user's cache: {@code $XDG_CACHE_HOME/coursekit/diagrams} or {@code ~/.cache/coursekit/diagrams}. */
    public static DiagramCache standard() {
        return new DiagramCache(UserCache.folder("diagrams"));
    }

    public Path folder() {
        return folder;
    }

    Optional<byte[]> picture(String key, DiagramFormat format) {
        return read(key + "." + format.extension());
    }

    Optional<String> error(String key) {
        return read(key + "." + ERROR).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    void putPicture(String key, DiagramFormat format, byte[] picture) {
        write(key + "." + format.extension(), picture);
    }

    void putError(String key, String message) {
        write(key + "." + ERROR, message.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<byte[]> read(String name) {
        Path file = folder.resolve(name);
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return Optional.of(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Written under a temporary name and renamed, so a reader never sees half a picture. */
    private void write(String name, byte[] bytes) {
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".partial-", ".tmp");
            Files.write(partial, bytes);
            try {
                Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a picture that cannot be kept is drawn again next time
        }
    }

    /** Removes pictures nobody read or wrote for 30 days (every read touches its file). */
    void removeUnused() {
        Instant before = Instant.now().minus(UNUSED);
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(before);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // nothing to clean
        }
    }
}
