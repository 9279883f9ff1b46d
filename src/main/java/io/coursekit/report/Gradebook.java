package io.coursekit.report;

import io.coursekit.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A class's grades as CSV, one row per student: either coursekit's own columns (student, score, max, one column
 * of points per check, and why a submission was not graded) or the columns Canvas imports.
 */
public final class Gradebook {

    public enum Format {
        DEFAULT, CANVAS;

        public static Format named(String name) {
            return switch (name) {
                case "default" -> DEFAULT;
                case "canvas" -> CANVAS;
                default -> throw new UserError("--format " + name + ": expected default or canvas");
            };
        }
    }

    private Gradebook() {
    }

    /** @param grades in the order the rows should have */
    public static String csv(List<StudentGrade> grades, Format format) {
        return format == Format.CANVAS ? canvas(grades) : own(grades);
    }

    private static String own(List<StudentGrade> grades) {
        List<String> checkIds = grades.isEmpty() ? List.of()
                : grades.get(0).checks().stream().map(StudentGrade.CheckScore::id).toList();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student", "score", "max"));
        header.addAll(checkIds);
        header.add("problem");
        row(csv, header);
        for (StudentGrade grade : grades) {
            List<String> cells = new ArrayList<>(List.of(grade.student(), String.valueOf(grade.score()),
                    String.valueOf(grade.maxScore())));
            grade.checks().forEach(c -> cells.add(String.valueOf(c.score())));
            cells.add(grade.problem());
            row(csv, cells);
        }
        return csv.toString();
    }

    /**
     * Canvas's import layout. The assignment column carries the lab's title, which Canvas matches when the assignment
     * has the same name; the "Points Possible" row is the one Canvas's own export has under the header.
     */
    private static String canvas(List<StudentGrade> grades) {
        String assignment = grades.isEmpty() ? "Lab" : grades.get(0).labTitle();
        StringBuilder csv = new StringBuilder();
        row(csv, List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", assignment));
        row(csv, List.of("    Points Possible", "", "", "", "",
                grades.isEmpty() ? "" : String.format(Locale.ROOT, "%d", grades.get(0).maxScore())));
        for (StudentGrade grade : grades) {
            row(csv, List.of(grade.student(), grade.lmsUserId(), "", "", "", String.valueOf(grade.score())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a student's text as a formula. */
    private static String cell(String value) {
        String text = value.replaceAll("[\\r\\n]+", " ");
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+")) {
            text = "'" + text;
        }
        return text.matches("[^\",]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
