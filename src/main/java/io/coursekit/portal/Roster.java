package io.coursekit.portal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.coursekit.UserError;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The students who may submit, from a CSV with a header row: a {@code student} column (the gradebook id) and
 * optionally {@code name}, {@code email} and {@code section}; or the columns of Canvas's gradebook export
 * ({@code Student, ID, SIS User ID, SIS Login ID, Section}), whose login id, else user id, is the student id.
 */
public final class Roster {
    /** Ids become folder names and URL parts: no separators, no dots first. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}_@+-][\\p{L}\\p{N}._@+-]{0,99}");
    private static final CsvMapper CSV = new CsvMapper();

    private Roster() {
    }

    public static List<Student> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
                     .with(CsvSchema.emptySchema()).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            if (!rows.hasNext()) {
                throw new UserError(file + ": the roster is empty; it needs a header row with a 'student' column");
            }
            Map<String, Integer> columns = header(file, rows.next());
            // Canvas's export has a Student column too, holding the name
            boolean canvas = columns.containsKey("id") && columns.containsKey("sis login id");
            if (!columns.containsKey("student") && !canvas) {
                throw new UserError(file + ":1: the roster has no 'student' column (nor Canvas's 'ID' and "
                        + "'SIS Login ID'); its columns: " + String.join(", ", columns.keySet()));
            }
            List<Student> students = new ArrayList<>();
            Map<String, Integer> lineOf = new HashMap<>();
            while (rows.hasNext()) {
                int line = rows.getCurrentLocation().getLineNr();
                List<String> cells = rows.next();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                Optional<Student> student = canvas ? canvasStudent(columns, cells) : ownStudent(columns, cells);
                if (student.isEmpty()) {
                    continue;
                }
                String id = student.get().id();
                if (!ID.matcher(id).matches()) {
                    throw new UserError(file + ":" + line + ": student id '" + id + "' must be letters, digits and "
                            + "._@+- only (it names a folder and a link)");
                }
                Integer earlier = lineOf.putIfAbsent(id, line);
                if (earlier != null) {
                    throw new UserError(file + ":" + line + ": student '" + id + "' is already on line " + earlier);
                }
                students.add(student.get());
            }
            return students;
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the roster: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof UserError) {
                throw e;
            }
            throw new UserError(file + ": not a CSV roster: " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> header(Path file, List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                throw new UserError(file + ":1: column '" + cells.get(i).strip() + "' appears twice");
            }
        }
        return columns;
    }

    private static Optional<Student> ownStudent(Map<String, Integer> columns, List<String> cells) {
        String id = cell(columns, cells, "student");
        return Optional.of(new Student(id, cell(columns, cells, "name"), cell(columns, cells, "email"),
                cell(columns, cells, "section"), ""));
    }

    /** Canvas's export has a "Points Possible" row under its header, and a test student: neither is in the class. */
    private static Optional<Student> canvasStudent(Map<String, Integer> columns, List<String> cells) {
        String name = cell(columns, cells, "student");
        String userId = cell(columns, cells, "id");
        if (name.equals("Points Possible") || name.equals("Student, Test") || name.equals("Test Student")) {
            return Optional.empty();
        }
        String login = cell(columns, cells, "sis login id");
        return Optional.of(new Student(login.isEmpty() ? userId : login, name, "", cell(columns, cells, "section"), userId));
    }

    private static String cell(Map<String, Integer> columns, List<String> cells, String column) {
        Integer at = columns.get(column);
        return at == null || at >= cells.size() ? "" : cells.get(at).strip();
    }
}
