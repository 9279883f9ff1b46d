package io.coursekit.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StaleVersionsTest {
    private static final String VERSION = "cache-aside-" + "[0-9a-f]".repeat(16);

    @TempDir
    Path cache;

    @Test
    void removesOnlyOtherVersionsOfTheSameLabUnusedForAWeek() throws IOException {
        Path current = version("cache-aside-00000000000000aa", Duration.ofDays(30));
        Path stale = version("cache-aside-00000000000000bb", Duration.ofDays(8));
        Path recent = version("cache-aside-00000000000000cc", Duration.ofDays(1));
        Path otherLab = version("cache-aside-2-00000000000000dd", Duration.ofDays(30));
        Path building = version("cache-aside-building-1234", Duration.ofDays(30));

        StaleVersions.removeOthers(cache, VERSION, current);

        assertThat(stale).doesNotExist();
        assertThat(current).exists();
        assertThat(recent).exists();
        assertThat(otherLab).exists();
        assertThat(building).exists();
    }

    @Test
    void aVersionInUseIsNotStale() throws IOException {
        Path used = version("cache-aside-00000000000000bb", Duration.ofDays(8));
        StaleVersions.used(used);
        StaleVersions.removeOthers(cache, VERSION, cache.resolve("cache-aside-00000000000000aa"));
        assertThat(used.resolve("api.jar")).exists();
    }

    private Path version(String name, Duration age) throws IOException {
        Path dir = Files.createDirectories(cache.resolve(name));
        Files.writeString(dir.resolve("api.jar"), "x");
        Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(age)));
        return dir;
    }
}
