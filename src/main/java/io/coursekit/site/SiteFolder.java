package io.coursekit.site;

import io.coursekit.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a site (or an LMS export) is written. {@link #aside} builds next to the target and swaps it in whole at
 * {@link #commit}, so a build that fails leaves the previous site as it was; {@link #live} writes each file in place
 * (serve's own folder), each file atomically, so a browser never reads half of one.
 */
public final class SiteFolder {
    /** Marks a folder as coursekit output, so a rebuild may replace it and nothing else is ever deleted. */
    static final String MARKER = CourseReader.SITE_MARKER;

    private final Path target;
    private final Path root;

    private SiteFolder(Path target, Path root) {
        this.target = target;
        this.root = root;
    }

    /** A folder beside {@code out}, to be swapped in; refuses an {@code out} that holds anything coursekit did not write. */
    public static SiteFolder aside(Path out) {
        Path target = out.toAbsolutePath().normalize();
        refuseForeign(target);
        try {
            Path parent = Files.createDirectories(target.getParent());
            try (Stream<Path> leftovers = Files.list(parent)) {
                for (Path old : leftovers.filter(p -> p.getFileName().toString().startsWith("." + target.getFileName() + ".coursekit-")).toList()) {
                    deleteTree(old);
                }
            }
            return new SiteFolder(target, Files.createTempDirectory(parent, "." + target.getFileName() + ".coursekit-new-"));
        } catch (IOException e) {
            throw new UserError("cannot write the site next to " + target + ": " + e.getMessage(), e);
        }
    }

    public static SiteFolder live(Path folder) {
        return new SiteFolder(folder, folder);
    }

    Path root() {
        return root;
    }

    public void writeText(String relative, String text) {
        write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relative, byte[] bytes) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            if (root == target) {
                Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
                Files.write(temporary, bytes);
                move(temporary, file);
            } else {
                Files.write(file, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void copy(Path source, String relative) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + file + ": " + e.getMessage(), e);
        }
    }

    void delete(String relative) {
        try {
            Files.deleteIfExists(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the finished site in place of the old one. */
    public void commit() {
        if (root == target) {
            return;
        }
        try {
            Files.writeString(root.resolve(MARKER), "written by coursekit; its next build or export lms replaces this folder\n");
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".coursekit-old-" + System.nanoTime());
                move(target, old);
            }
            move(root, target);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the new site in place at " + target + ": " + e.getMessage(), e);
        }
    }

    /** Throws the half-built site away; the old one is untouched. */
    public void abandon() {
        if (root != target) {
            try {
                deleteTree(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Refuses an {@code out} that holds anything coursekit did not write. Build and export ask before they render, so a
     * wrong --out is said at once, not after every diagram is drawn; {@link #aside} asks again.
     */
    public static void refuseForeign(Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> children = Files.list(target)) {
            if (children.findAny().isPresent() && !Files.exists(target.resolve(MARKER))) {
                throw new UserError("refusing to write into " + target
                        + ": it is not empty and was not made by coursekit build or export (choose another --out)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
