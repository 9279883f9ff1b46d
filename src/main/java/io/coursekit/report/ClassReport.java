package io.coursekit.report;

import io.coursekit.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Writes a class's grades into its output folder: results.jsonl, gradebook.csv and summary.html. */
public final class ClassReport {
    public static final String RESULTS_JSONL = "results.jsonl";
    public static final String GRADEBOOK_CSV = "gradebook.csv";
    public static final String SUMMARY_HTML = "summary.html";

    private ClassReport() {
    }

    /** Writes each file whole; rows are sorted by student so the same grades always give the same files. */
    public static void write(List<StudentGrade> grades, Gradebook.Format format, Wording wording, Path dir) {
        List<StudentGrade> sorted = grades.stream().sorted(Comparator.comparing(StudentGrade::student)).toList();
        StringBuilder lines = new StringBuilder();
        sorted.forEach(g -> lines.append(g.jsonLine()).append('\n'));
        try {
            ReportFiles.write(dir.resolve(RESULTS_JSONL), lines.toString().getBytes(StandardCharsets.UTF_8));
            ReportFiles.write(dir.resolve(GRADEBOOK_CSV), Gradebook.csv(sorted, format).getBytes(StandardCharsets.UTF_8));
            ReportFiles.write(dir.resolve(SUMMARY_HTML), ClassSummary.html(sorted, wording).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot write the class reports into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The rows of {@code dir/results.jsonl}, as a batch or a merge wrote them. */
    public static List<StudentGrade> read(Path dir) {
        Path file = dir.resolve(RESULTS_JSONL);
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file; is " + dir + " the --out folder of a coursekit batch?");
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<StudentGrade> grades = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    grades.add(StudentGrade.fromJsonLine(lines.get(i), file + ":" + (i + 1)));
                }
            }
            return grades;
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
