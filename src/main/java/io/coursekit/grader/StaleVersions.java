package io.coursekit.grader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Older versions of what the grader keeps in its cache (a compiled lab pack, the check libraries of a coursekit
 * build), removed once a newer one is written and they have gone unused for a week, so editing a lab pack or
 * upgrading coursekit does not fill the disk with 30 MB class archives.
 */
final class StaleVersions {
    private static final Duration UNUSED_FOR = Duration.ofDays(7);

    private StaleVersions() {
    }

    /** Marks {@code version} as used now; its modification time is what {@link #removeOthers} looks at. */
    static void used(Path version) {
        try {
            Files.setLastModifiedTime(version, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // a version that looks unused is only built again when it is needed
        }
    }

    /** Removes the entries of {@code cache} matching {@code glob}, except {@code current}, unused for a week. */
    static void removeOthers(Path cache, String glob, Path current) {
        Instant unusedSince = Instant.now().minus(UNUSED_FOR);
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(cache, glob)) {
            for (Path version : versions) {
                if (!version.equals(current) && Files.getLastModifiedTime(version).toInstant().isBefore(unusedSince)) {
                    ScratchFolder.delete(version);
                }
            }
        } catch (IOException e) {
            // an old version left behind costs disk space, not a grading
        }
    }
}
