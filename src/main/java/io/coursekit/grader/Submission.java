package io.coursekit.grader;


import io.coursekit.UserError;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a student handed in: a folder or a .zip holding {@code .java} files anywhere inside it.
 * A zip is unpacked into a private temporary folder that {@link #close()} removes.
 */
public final class Submission implements AutoCloseable {
    private final String name;
    private final Path root;
    private final boolean unpacked;

    private Submission(String name, Path root, boolean unpacked) {
        this.name = name;
        this.root = root;
        this.unpacked = unpacked;
    }

    public static Submission open(Path path) {
        return open(path, SubmissionZip.Limits.DEFAULT);
    }

    static Submission open(Path path, SubmissionZip.Limits zipLimits) {
        String fileName = path.toAbsolutePath().normalize().getFileName().toString();
        if (Files.isDirectory(path)) {
            return new Submission(fileName, path, false);
        }
        if (!Files.isRegularFile(path)) {
            throw new UserError(path + ": no such submission folder or zip file");
        }
        if (!fileName.toLowerCase().endsWith(".zip")) {
            throw new UserError(path + ": a submission is a folder or a .zip file");
        }
        Path into = ScratchFolder.create("coursekit-submission-");
        try {
            new SubmissionZip(path, zipLimits).unpackSourcesInto(into);
        } catch (RuntimeException e) {
            ScratchFolder.delete(into);
            throw e;
        }
        return new Submission(fileName.substring(0, fileName.length() - ".zip".length()), into, true);
    }

    public String name() {
        return name;
    }

    /** The folder that holds the submission's files; paths in reports are relative to it. */
    public Path root() {
        return root;
    }

    /** Every {@code .java} file, in a stable order, leaving out links and macOS metadata files. */
    public List<Path> javaFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals("__MACOSX")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String fileName = file.getFileName().toString();
                    if (attrs.isRegularFile() && fileName.endsWith(".java") && !fileName.startsWith("._")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UserError(root + ": cannot read the submission: " + e.getMessage(), e);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    @Override
    public void close() {
        if (unpacked) {
            ScratchFolder.delete(root);
        }
    }
}
