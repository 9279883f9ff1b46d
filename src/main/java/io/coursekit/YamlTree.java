package io.coursekit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * YAML read with Jackson's streaming parser into a tree that remembers the line of every value,
 * so a price book, a pricing block or a lab.yaml can say exactly where a wrong value or an unknown key is.
 */
public final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    /** Turns a line of the file that holds the YAML into a problem of the stage that reads it. */
    @FunctionalInterface
    public interface Where {
        UserError at(int line, String what);
    }

    public sealed interface Node permits Scalar, Mapping, Sequence {
        int line();

        Where where();

        default UserError problem(String what) {
            return where().at(line(), what);
        }

        default Mapping asMapping(String what) {
            if (this instanceof Mapping mapping) {
                return mapping;
            }
            throw problem(what + " must be a mapping of keys to values");
        }

        default Sequence asSequence(String what) {
            if (this instanceof Sequence sequence) {
                return sequence;
            }
            throw problem(what + " must be a list");
        }

        default Scalar asScalar(String what) {
            if (this instanceof Scalar scalar) {
                return scalar;
            }
            throw problem(what + " must be a single value, not a list or mapping");
        }
    }

    /** A single value; {@code text} is null when the YAML has no value ({@code key:} or {@code ~}). */
    public record Scalar(String text, int line, Where where) implements Node {

        public BigDecimal decimal(String what) {
            return number().orElseThrow(() -> problem(what + " must be a number, not '" + text + "'"));
        }

        public BigDecimal nonNegative(String what) {
            BigDecimal value = decimal(what);
            if (value.signum() < 0) {
                throw problem(what + " is negative (" + text + "); it must be 0 or more");
            }
            return value;
        }

        public int wholeNumber(String what, int atLeast) {
            return number().filter(value -> value.stripTrailingZeros().scale() <= 0
                            && value.compareTo(BigDecimal.valueOf(atLeast)) >= 0
                            && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0)
                    .map(BigDecimal::intValueExact)
                    .orElseThrow(() -> problem(what + " must be a whole number of at least " + atLeast
                            + ", not '" + text + "'"));
        }

        private Optional<BigDecimal> number() {
            try {
                return Optional.ofNullable(text).map(digits -> new BigDecimal(digits.replace("_", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    public record Sequence(List<Node> items, int line, Where where) implements Node {
    }

    /** A mapping in source order; {@code keyLines} holds the line each key is written on. */
    public record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line, Where where)
            implements Node {

        /** The value of a key; a key written with no value counts as absent. */
        public Optional<Node> get(String key) {
            Node value = entries.get(key);
            if (value instanceof Scalar scalar && scalar.text() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(value);
        }

        public Node required(String key, String owner) {
            return get(key).orElseThrow(() -> problemAt(key, owner + " has no '" + key + "'"));
        }

        /** A problem on the line of a key, or of the whole mapping when the key is not written. */
        public UserError problemAt(String key, String what) {
            return where.at(keyLines.getOrDefault(key, line), what);
        }

        public Optional<Scalar> scalar(String key) {
            return get(key).map(node -> node.asScalar("'" + key + "'"));
        }

        public Scalar requiredScalar(String key, String owner) {
            return required(key, owner).asScalar("'" + key + "'");
        }

        public String text(String key, String owner) {
            return requiredScalar(key, owner).text();
        }

        public void allowOnly(Set<String> keys, String owner) {
            keyLines.forEach((key, keyLine) -> {
                if (!keys.contains(key)) {
                    throw where.at(keyLine, "unknown key '" + key + "' in " + owner
                            + " (known keys: " + String.join(", ", keys.stream().sorted().toList()) + ")");
                }
            });
        }
    }

    /**
     * Reads one YAML document; an empty document is an empty mapping.
     *
     * @param firstLine  the line of the file that the text's first line is, so every line named is the file's
     * @param unreadable how the stage names YAML the parser gives up on, such as {@code YAML syntax error}
     */
    public static Node read(String text, int firstLine, String unreadable, Where where) {
        try (YAMLParser parser = YAML.createParser(text)) {
            Reader reader = new Reader(parser, firstLine - 1, where);
            if (parser.nextToken() == null) {
                return new Mapping(Map.of(), Map.of(), firstLine, where);
            }
            Node root = reader.node();
            if (parser.nextToken() != null) {
                throw where.at(reader.line(), unreadable + ": expected a single document, but found another");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, text, firstLine, unreadable, where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SnakeYAML's problem on the line it stopped at, or on the last line when it ran off the end;
     * a list or mapping left open is named with the line it starts on.
     */
    @SuppressWarnings("deprecation") // Jackson's only view of SnakeYAML's problem, its line and its context
    private static UserError syntaxError(JsonProcessingException e, String text, int firstLine, String unreadable,
                                         Where where) {
        if (!(e instanceof MarkedYAMLException marked) || marked.getProblemMark() == null) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            return where.at(firstLine - 1 + line,
                    unreadable + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable YAML"));
        }
        int line = Math.max(1, Math.min(marked.getProblemMark().getLine() + 1, (int) text.lines().count()));
        String context = marked.getContext() == null || marked.getContextMark() == null ? ""
                : " (" + marked.getContext() + " that starts on line " + (firstLine + marked.getContextMark().getLine()) + ")";
        return where.at(firstLine - 1 + line, unreadable + ": " + marked.getProblem() + context);
    }

    private record Reader(YAMLParser parser, int offset, Where where) {

        int line() {
            return offset + parser.currentTokenLocation().getLineNr();
        }

        /** Reads the value at the current token, leaving the parser on its last token. */
        Node node() throws IOException {
            int line = line();
            if (parser.isCurrentAlias()) {
                throw where.at(line, "alias '*" + parser.getText() + "' is not supported: write the value out");
            }
            return switch (parser.currentToken()) {
                case START_OBJECT -> mapping(line);
                case START_ARRAY -> sequence(line);
                case VALUE_NULL -> new Scalar(null, line, where);
                default -> new Scalar(parser.getText(), line, where);
            };
        }

        private Mapping mapping(int line) throws IOException {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line();
                if (keyLines.containsKey(key)) {
                    throw where.at(keyLine, "key '" + key + "' appears twice");
                }
                parser.nextToken();
                keyLines.put(key, keyLine);
                entries.put(key, node());
            }
            return new Mapping(entries, keyLines, line, where);
        }

        private Sequence sequence(int line) throws IOException {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node());
            }
            return new Sequence(items, line, where);
        }
    }

    private YamlTree() {
    }
}
