package io.coursekit.batch;

import io.coursekit.UserError;
import io.coursekit.report.ClassReport;
import io.coursekit.report.StudentGrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The --out folder of a batch: a report folder per student, and the class's files. What is graded is read from
 * the folder itself (each student's gradebook row), so a batch that was killed can go on where it stopped.
 */
public final class GradebookFolder {
    /** Earlier results.jsonl files, kept when everyone is graded again. */
    public static final String HISTORY = ".history";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;

    public GradebookFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path studentDir(String student) {
        return dir.resolve(student);
    }

    /** The student's row when an earlier run finished grading them. */
    public Optional<StudentGrade> graded(String student) {
        return StudentGrade.readMarker(studentDir(student));
    }

    /** Copies the current results.jsonl into .history/ before a regrade replaces it; returns the copy, if any. */
    public Optional<Path> keepHistory() {
        Path results = dir.resolve(ClassReport.RESULTS_JSONL);
        if (!Files.isRegularFile(results)) {
            return Optional.empty();
        }
        Path kept = dir.resolve(HISTORY).resolve("results-" + STAMP.format(Instant.now()) + ".jsonl");
        try {
            Files.createDirectories(kept.getParent());
            Files.copy(results, kept, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(kept);
        } catch (IOException e) {
            throw new UserError("cannot keep the previous " + results + " in " + kept.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** Copies a student's report folder from another batch's folder into this one (nothing when it is the same). */
    public void copyStudent(GradebookFolder from, String student) {
        Path source = from.studentDir(student);
        Path target = studentDir(student);
        if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            return;
        }
        try {
            FolderCopy.tree(source, target);
        } catch (IOException e) {
            throw new UserError("cannot copy the reports of " + student + " from " + source + " to " + target + ": "
                    + e.getMessage(), e);
        }
    }
}
