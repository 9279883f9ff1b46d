package io.coursekit.lab;

import io.coursekit.UserError;
import io.coursekit.YamlTree;
import io.coursekit.YamlTree.Mapping;
import io.coursekit.YamlTree.Node;
import io.coursekit.YamlTree.Scalar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A mapping of lab.yaml with the grader's rules: a key written with no value is there but empty. */
final class YamlMap {
    private final Mapping mapping;
    private final String owner;

    private YamlMap(Node node, String owner) {
        this.mapping = node.asMapping(owner);
        this.owner = owner;
    }

    static YamlMap read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LabProblem(file, "cannot read: " + e.getMessage());
        }
        Node root = YamlTree.read(text, 1, "not valid YAML", (line, what) -> new LabProblem(file, line, what));
        YamlMap lab = new YamlMap(root, file.getFileName().toString());
        if (lab.keys().isEmpty()) {
            throw lab.problem("the file is empty");
        }
        return lab;
    }

    Set<String> keys() {
        return mapping.entries().keySet();
    }

    boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    UserError problem(String what) {
        return mapping.problem(what);
    }

    UserError problem(String key, String what) {
        return mapping.problemAt(key, what);
    }

    void allowOnly(Set<String> known) {
        mapping.allowOnly(known, owner);
    }

    String string(String key) {
        return filled(required(key), "'" + key + "'").text();
    }

    int integer(String key, int min) {
        return filled(required(key), "'" + key + "'").wholeNumber("'" + key + "'", min);
    }

    boolean flag(String key, boolean absent) {
        if (!has(key)) {
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
        return new YamlMap(required(key), "'" + key + "'");
    }

    List<YamlMap> maps(String key) {
        return items(key).map(item -> new YamlMap(item, "an entry of '" + key + "'")).toList();
    }

    List<String> strings(String key) {
        return items(key).map(item -> filled(item, "an entry of '" + key + "'").text()).toList();
    }

    private Stream<Node> items(String key) {
        return required(key).asSequence("'" + key + "'").items().stream();
    }

    private Node required(String key) {
        Node value = mapping.entries().get(key);
        if (value == null) {
            throw problem("missing '" + key + "'");
        }
        return value;
    }

    private static Scalar filled(Node value, String what) {
        Scalar scalar = value.asScalar(what);
        if (scalar.text() == null || scalar.text().isBlank()) {
            throw scalar.problem(what + " is empty");
        }
        return scalar;
    }
}
