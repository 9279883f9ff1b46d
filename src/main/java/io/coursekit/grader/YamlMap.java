package io.coursekit.grader;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A YAML mapping read with its line numbers, so that every problem can name file and line. */
final class YamlMap {
    private final Path file;
    private final Node node;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlMap(Path file, Node node) {
        this.file = file;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw problemAt(node, "expected a mapping of keys to values");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (values.put(key, tuple.getValueNode()) != null) {
                throw problemAt(tuple.getKeyNode(), "duplicate key '" + key + "'");
            }
        }
    }

    static YamlMap read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null) {
                throw new LabProblem(file, 1, "the file is empty");
            }
            return new YamlMap(file, root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new LabProblem(file, line, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new LabProblem(file, "cannot read: " + e.getMessage());
        }
    }

    Path file() {
        return file;
    }

    Set<String> keys() {
        return values.keySet();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    LabProblem problem(String what) {
        return problemAt(node, what);
    }

    LabProblem problem(String key, String what) {
        return problemAt(values.getOrDefault(key, node), what);
    }

    void allowOnly(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw problem(key, "unknown key '" + key + "' (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    String string(String key) {
        String value = scalar(required(key), "'" + key + "'");
        if (value.isBlank()) {
            throw problem(key, "'" + key + "' is empty");
        }
        return value;
    }

    int integer(String key, int min) {
        String text = string(key);
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message as an out-of-range number
        }
        throw problem(key, "'" + key + "' must be a whole number of at least " + min + ", not '" + text + "'");
    }

    boolean flag(String key, boolean absent) {
        if (!values.containsKey(key)) {
            return absent;
        }
        String text = string(key);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw problem(key, "'" + key + "' must be true or false, not '" + text + "'");
        };
    }

    YamlMap map(String key) {
        return new YamlMap(file, required(key));
    }

    List<YamlMap> maps(String key) {
        Node list = required(key);
        if (!(list instanceof SequenceNode sequence)) {
            throw problemAt(list, "'" + key + "' must be a list");
        }
        List<YamlMap> maps = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            maps.add(new YamlMap(file, item));
        }
        return maps;
    }

    List<String> strings(String key) {
        Node list = required(key);
        if (!(list instanceof SequenceNode sequence)) {
            throw problemAt(list, "'" + key + "' must be a list");
        }
        return sequence.getValue().stream().map(item -> scalar(item, "an entry of '" + key + "'")).toList();
    }

    private Node required(String key) {
        Node value = values.get(key);
        if (value == null) {
            throw problem("missing '" + key + "'");
        }
        return value;
    }

    private String scalar(Node value, String what) {
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw problemAt(value, what + " must be a single value");
    }

    private LabProblem problemAt(Node at, String what) {
        return new LabProblem(file, at.getStartMark().getLine() + 1, what);
    }
}
