package io.coursekit.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * A submission's files in the data folder: {@code submissions/<id>/sources.zip}, and the reports of each grading in
 * {@code submissions/<id>/reports/<attempt>/<view>/}. Each is written beside its place and renamed into it, so a
 * killed portal leaves either the whole file or folder or none of it.
 */
final class SubmissionFiles {
    private static final String SOURCES = "sources.zip";

    private final Path dir;

    SubmissionFiles(Path dataDir) {
        this.dir = dataDir.resolve("submissions");
    }

    void writeSources(String id, byte[] zip) {
        Path target = dir.resolve(id).resolve(SOURCES);
        try {
            Files.createDirectories(target.getParent());
            Path part = Files.write(target.resolveSibling(SOURCES + ".part"), zip);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the sources of submission " + id, e);
        }
    }

    byte[] sources(String id) {
        try {
            return Files.readAllBytes(dir.resolve(id).resolve(SOURCES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored sources of submission " + id, e);
        }
    }

    /** Unpacks a worker's reports for one grading; returns the view folders written. */
    List<String> writeReports(String id, int attempt, byte[] bundle) {
        Path target = reports(id, attempt);
        Path part = target.resolveSibling(attempt + ".part");
        try {
            TemporaryFolder.deleteTree(part);
            Files.createDirectories(part);
            List<String> views = ReportBundle.unzipInto(bundle, part);
            TemporaryFolder.deleteTree(target);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return views;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the reports of submission " + id, e);
        }
    }

    /** A report file of the graded submission as {@code view} shows it: its own folder, else the next wider one. */
    Optional<Path> report(StoredSubmission submission, ReportView view, String file) {
        if (submission.status() != SubmissionStatus.GRADED) {
            return Optional.empty();
        }
        return view.andWider().stream().filter(v -> submission.views().contains(v.folder()))
                .map(v -> reports(submission.id(), submission.attempt()).resolve(v.folder()).resolve(file))
                .filter(Files::isRegularFile).findFirst();
    }

    private Path reports(String id, int attempt) {
        return dir.resolve(id).resolve("reports").resolve(String.valueOf(attempt));
    }
}
