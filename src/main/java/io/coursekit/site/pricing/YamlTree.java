package io.coursekit.site.pricing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.coursekit.site.BuildProblem;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
 * so price books and pricing blocks can say exactly where a wrong price or an unknown node is.
 */
final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    /** Turns a line of the YAML text into a problem in the file that holds it. */
    @FunctionalInterface
    interface Where {
        BuildProblem at(int line, String what);
    }

    sealed interface Node permits Scalar, Mapping, Sequence {
        int line();

        Where where();

        default BuildProblem problem(String what) {
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
    record Scalar(String text, int line, Where where) implements Node {

        BigDecimal decimal(String what) {
            try {
                return new BigDecimal(text.replace("_", ""));
            } catch (NumberFormatException | NullPointerException e) {
                throw problem(what + " must be a number, not '" + text + "'");
            }
        }

        BigDecimal nonNegative(String what) {
            BigDecimal value = decimal(what);
            if (value.signum() < 0) {
                throw problem(what + " is negative (" + text + "); it must be 0 or more");
            }
            return value;
        }

        int wholeNumber(String what, int atLeast) {
            BigDecimal value = decimal(what);
            if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(atLeast)) < 0
                    || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw problem(what + " must be a whole number of at least " + atLeast + ", not '" + text + "'");
            }
            return value.intValueExact();
        }
    }

    record Sequence(List<Node> items, int line, Where where) implements Node {
    }

    /** A mapping in source order; {@code keyLines} holds the line each key is written on. */
    record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line, Where where) implements Node {

        /** The value of a key; a key written with no value counts as absent. */
        Optional<Node> get(String key) {
            Node value = entries.get(key);
            if (value instanceof Scalar scalar && scalar.text() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(value);
        }

        Node required(String key, String owner) {
            return get(key).orElseThrow(() -> problemAt(key, owner + " has no '" + key + "'"));
        }

        /** A problem on the line of a key, or of the whole mapping when the key is not written. */
        BuildProblem problemAt(String key, String what) {
            return where.at(keyLines.getOrDefault(key, line), what);
        }

        Optional<Scalar> scalar(String key) {
            return get(key).map(node -> node.asScalar("'" + key + "'"));
        }

        Scalar requiredScalar(String key, String owner) {
            return required(key, owner).asScalar("'" + key + "'");
        }

        String text(String key, String owner) {
            return requiredScalar(key, owner).text();
        }

        void allowOnly(Set<String> keys, String owner) {
            keyLines.forEach((key, keyLine) -> {
                if (!keys.contains(key)) {
                    throw where.at(keyLine, "unknown key '" + key + "' in " + owner
                            + " (known keys: " + String.join(", ", keys.stream().sorted().toList()) + ")");
                }
            });
        }
    }

    /** Reads one YAML document; an empty document is an empty mapping. */
    static Node read(String text, Where where) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), Map.of(), 1, where);
            }
            return new YamlTree.Reader(parser, where).node();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw where.at(line, "YAML syntax error: " + syntaxProblem(e, where));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SnakeYAML's problem on one line; a list or mapping left open is named with the line it starts on. */
    private static String syntaxProblem(JsonProcessingException e, Where where) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            if (marked.getContext() == null || marked.getContextMark() == null) {
                return marked.getProblem();
            }
            int opened = where.at(marked.getContextMark().getLine() + 1, "").line();
            return marked.getProblem() + " (" + marked.getContext() + " that starts on line " + opened + ")";
        }
        return e.getOriginalMessage().lines().findFirst().orElse("unreadable YAML");
    }

    private record Reader(JsonParser parser, Where where) {

        /** Reads the value at the current token, leaving the parser on its last token. */
        Node node() throws IOException {
            int line = parser.currentTokenLocation().getLineNr();
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
                int keyLine = parser.currentTokenLocation().getLineNr();
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
