package io.coursekit.batch;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.coursekit.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The class's deployed endpoints, from a CSV with a header row: {@code student,uri,password_env}, and optionally
 * {@code user}. Passwords never appear in the file, only the name of the environment variable holding each one.
 */
public final class EndpointRoster {
    private static final Set<String> COLUMNS = Set.of("student", "uri", "password_env", "user");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private EndpointRoster() {
    }

    /**
     * One student's endpoint as written in the file; checked only when graded, so one bad row costs only its student.
     *
     * @param line the row's line in the file, for messages
     */
    public record Row(String student, String uri, String passwordEnv, String user, int line) {
    }

    /** The rows sorted by student, as {@link Shard} expects; a missing column or a student listed twice stops here. */
    public static List<Row> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        } catch (IOException e) {
            throw new UserError("cannot read the endpoints file " + file + ": " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            Map<String, Integer> seen = new HashMap<>();
            while (lines.hasNextValue()) {
                Map<String, String> fields = lines.nextValue();
                int line = lines.getParser().currentTokenLocation().getLineNr();
                if (rows.isEmpty()) {
                    checkHeader(file, fields.keySet());
                }
                Row row = new Row(field(fields, "student"), field(fields, "uri"), field(fields, "password_env"),
                        field(fields, "user"), line);
                if (row.student().isEmpty()) {
                    throw new UserError(file + ":" + line + ": no student id in this row");
                }
                Integer first = seen.putIfAbsent(row.student(), line);
                if (first != null) {
                    throw new UserError(file + ":" + line + ": student '" + row.student() + "' is already on line " + first);
                }
                rows.add(row);
            }
        } catch (RuntimeJsonMappingException | IOException e) {
            throw new UserError(file + ": not a CSV with the columns student,uri,password_env: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (rows.isEmpty()) {
            throw new UserError(file + ": no students (expected a header row student,uri,password_env and one row per student)");
        }
        rows.sort(Comparator.comparing(Row::student));
        return rows;
    }

    private static void checkHeader(Path file, Set<String> header) {
        if (!header.contains("student") || !header.contains("uri")) {
            throw new UserError(file + ":1: the header must name the columns student and uri (and password_env, user "
                    + "when needed), not " + String.join(",", header));
        }
        Set<String> unknown = new TreeSet<>(header);
        unknown.removeAll(COLUMNS);
        if (!unknown.isEmpty()) {
            throw new UserError(file + ":1: unknown column(s) " + String.join(", ", unknown) + " (known: student, uri, "
                    + "password_env, user)");
        }
    }

    private static String field(Map<String, String> fields, String column) {
        String value = fields.get(column);
        return value == null ? "" : value.strip();
    }
}
