package io.coursekit.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * When each page last changed: its last commit when the course is in a git repository and the file is committed
 * unchanged, else the file's own time. One {@code git log} reads the whole history once.
 */
final class LastUpdated {
    private final Path content;
    private final Map<String, LocalDate> committed;

    private LastUpdated(Path content, Map<String, LocalDate> committed) {
        this.content = content;
        this.committed = committed;
    }

    static LastUpdated of(Path content) {
        return new LastUpdated(content, gitDates(content.toAbsolutePath().normalize()));
    }

    LocalDate of(Page page) {
        LocalDate date = committed.get(page.path());
        if (date != null) {
            return date;
        }
        try {
            Instant modified = Files.getLastModifiedTime(page.source()).toInstant();
            return LocalDate.ofInstant(modified, ZoneId.systemDefault());
        } catch (IOException e) {
            return LocalDate.now();
        }
    }

    /** Paths relative to the content folder and the date of the last commit that touched each; empty outside git. */
    private static Map<String, LocalDate> gitDates(Path content) {
        Map<String, LocalDate> dates = new HashMap<>();
        try {
            Process git = new ProcessBuilder("git", "-C", content.toString(), "log", "--format=%x01%cI", "--name-only",
                    "--relative", "--no-renames", "--", ".").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            LocalDate current = null;
            for (String line : new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("\u0001")) {
                    current = OffsetDateTime.parse(line.substring(1).strip()).toLocalDate();
                } else if (!line.isBlank() && current != null) {
                    dates.putIfAbsent(line.strip(), current);
                }
            }
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return Map.of();
            }
            Process changed = new ProcessBuilder("git", "-C", content.toString(), "status", "--porcelain", "--untracked-files=no",
                    "--", ".").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String prefix = new String(new ProcessBuilder("git", "-C", content.toString(), "rev-parse", "--show-prefix")
                    .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String line : new String(changed.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.length() > 3) {
                    String path = line.substring(3).strip();
                    dates.remove(path.startsWith(prefix) ? path.substring(prefix.length()) : path);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        return dates;
    }
}
