package io.coursekit.site;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;

import java.nio.file.Path;
import java.util.List;

/** Reads YAML into records and reports every mistake at its file and line. */
public final class YamlSource {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private YamlSource() {
    }

    /**
     * @param text      the YAML
     * @param file      where it came from, for messages
     * @param firstLine the 1-based line of the text's first line in that file
     */
    public static <T> T read(String text, Class<T> type, Path file, int firstLine) {
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                throw new BuildProblem(file, firstLine, "empty YAML: expected " + type.getSimpleName().toLowerCase() + " settings");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
            if (e instanceof UnrecognizedPropertyException unknown) {
                line = lineOfKey(text, String.valueOf(unknown.getPropertyName()), line);
            }
            MarkedYAMLException marked = e instanceof MarkedYAMLException m ? m
                    : e.getCause() instanceof MarkedYAMLException m ? m : null;
            if (marked != null && marked.getProblemMark() != null) {
                YamlMistake mistake = YamlMistake.of(marked, text);
                throw new BuildProblem(file, firstLine + mistake.line() - 1, mistake.what());
            }
            throw new BuildProblem(file, firstLine + line - 1, describe(e));
        }
    }

    public static <T> T read(Path file, Class<T> type) {
        return read(MarkdownSource.read(file), type, file, 1);
    }

    /** Jackson points after the value of an unknown key; the instructor needs the key's own line. */
    private static int lineOfKey(String text, String key, int reportedLine) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(reportedLine, lines.length) - 1; i >= 0; i--) {
            if (lines[i].stripLeading().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return reportedLine;
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String key = String.valueOf(unknown.getPropertyName());
            return "unknown key '" + key + "'" + Suggestion.nearest(key, known).map(k -> "; did you mean '" + k + "'?").orElse("")
                    + " (known keys: " + String.join(", ", known) + ")";
        }
        String message = e.getOriginalMessage();
        int detail = message.indexOf("\n at [Source");
        return "invalid YAML: " + (detail < 0 ? message : message.substring(0, detail)).replace('\n', ' ');
    }
}
