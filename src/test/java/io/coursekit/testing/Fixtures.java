package io.coursekit.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the tests find the repository and the shared fixtures beside it. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path repository() {
        return Path.of(System.getProperty("coursekit.root", ".")).toAbsolutePath().normalize();
    }

    /**
     * Tests of what the build draws in Chromium need one on this machine; a clone without it draws diagrams in the
     * reader's browser instead, so these are skipped there, saying why.
     */
    public static void assumeChromium() {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            String reason = "skipped: the build draws diagrams in " + chromium + ", which is not installed"
                    + " (apt-get install chromium fonts-noto-cjk; .ci/run does this)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }

    public static Path content() {
        return repository().resolve("content");
    }

    /**
     * The instructor's seed lecture in ../shared/seed. A user's clone has no ../shared, so tests that need it
     * are skipped there, saying why.
     */
    public static Path seedSession() {
        Path seedFolder = repository().resolveSibling("shared").resolve("seed");
        if (!Files.isDirectory(seedFolder)) {
            String reason = "skipped: the seed lecture is not here (" + seedFolder + " is absent, as on a user's clone)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        try (Stream<Path> files = Files.list(seedFolder)) {
            return files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-day course in {@code dir} whose day 3 holds the seed as session 3, as an instructor would lay it out. */
    public static Path seedCourse(Path dir) throws IOException {
        Path day = Files.createDirectories(dir.resolve("week_05/day3"));
        Files.copy(seedSession(), day.resolve("session_3.md"));
        Files.writeString(day.resolve("README.md"), """
                # Week 5 Day 3: 데이터베이스 & 캐싱

                | 시간 | 구분 | 내용 |
                |------|------|------|
                | 11:00-11:50 | Session 3 | [ElastiCache Redis](./session_3.md) |
                """);
        Files.writeString(dir.resolve("course.yaml"), "title: Seed course\nlanguage: ko\nweeks:\n  - week_05\n");
        return dir;
    }
}
