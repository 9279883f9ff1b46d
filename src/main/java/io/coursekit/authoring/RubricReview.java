package io.coursekit.authoring;

import io.coursekit.YamlTree;
import io.coursekit.YamlTree.Mapping;
import io.coursekit.YamlTree.Node;
import io.coursekit.YamlTree.Scalar;
import io.coursekit.lab.LabProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rubric of lab.yaml read against the check sources, line by line: every check has one {@code @RubricCheck}
 * method and a hint in Korean and in English, and every {@code @RubricCheck} names a check of the rubric. Read from
 * the sources rather than the compiled checks, so each problem has its line, and all of them are found at once.
 */
final class RubricReview {
    private static final Pattern MARK = Pattern.compile("@RubricCheck\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"\\s*\\)");
    private static final Pattern HANGUL = Pattern.compile("\\p{IsHangul}");

    private final Path pack;
    private final Path yaml;
    private final List<PackProblem> problems = new ArrayList<>();

    private RubricReview(Path pack) {
        this.pack = pack;
        this.yaml = pack.resolve("lab.yaml");
    }

    /** Every problem of the rubric, its hints and its check methods; none when lab.yaml cannot be read at all. */
    static List<PackProblem> problems(Path pack) {
        RubricReview review = new RubricReview(pack);
        review.review();
        return review.problems;
    }

    private void review() {
        Map<String, Integer> rubric = rubric();
        Map<String, Mark> marked = new LinkedHashMap<>();
        for (Mark mark : marks()) {
            Mark before = marked.putIfAbsent(mark.id(), mark);
            if (before != null) {
                problems.add(new PackProblem(mark.file(), mark.line(), "check '" + mark.id() + "' is already marked on "
                        + before.file().getFileName() + ":" + before.line() + "; a check has one method"));
            } else if (!rubric.containsKey(mark.id())) {
                problems.add(new PackProblem(mark.file(), mark.line(), "@RubricCheck(\"" + mark.id() + "\") names no "
                        + "check of " + yaml + " (its checks: " + String.join(", ", rubric.keySet()) + ")"));
            }
        }
        rubric.forEach((id, line) -> {
            if (!marked.containsKey(id)) {
                problems.add(new PackProblem(yaml, line, "check '" + id + "' has no @RubricCheck(\"" + id
                        + "\") method in " + pack.resolve("checks")));
            }
        });
    }

    /** The rubric's check ids with their lines; its hints are reviewed on the way. */
    private Map<String, Integer> rubric() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        Mapping root;
        try {
            root = YamlTree.read(Files.readString(yaml, StandardCharsets.UTF_8), 1, "not valid YAML",
                    (line, what) -> new LabProblem(yaml, line, what)).asMapping("lab.yaml");
        } catch (IOException | LabProblem e) {
            // reading lab.yaml as a lab reports this, once
            return ids;
        }
        Optional<Node> checks = root.get("checks");
        if (checks.isEmpty() || !(checks.get() instanceof YamlTree.Sequence list)) {
            return ids;
        }
        for (Node item : list.items()) {
            if (item instanceof Mapping entry && entry.get("id").orElse(null) instanceof Scalar id && id.text() != null) {
                ids.putIfAbsent(id.text(), id.line());
                hints(entry, id.text());
            }
        }
        return ids;
    }

    private void hints(Mapping entry, String id) {
        if (!(entry.get("hint").orElse(null) instanceof Mapping hint)) {
            problems.add(new PackProblem(yaml, entry.keyLines().getOrDefault("hint", entry.line()),
                    "check '" + id + "' has no hint: give one line in Korean (ko:) and one in English (en:)"));
            return;
        }
        hint(hint, id, "ko", "Korean", true);
        hint(hint, id, "en", "English", false);
    }

    private void hint(Mapping hint, String id, String language, String name, boolean hangul) {
        Optional<String> text = hint.get(language).filter(n -> n instanceof Scalar).map(n -> ((Scalar) n).text())
                .filter(t -> !t.isBlank());
        int line = hint.keyLines().getOrDefault(language, hint.line());
        if (text.isEmpty()) {
            problems.add(new PackProblem(yaml, line, "check '" + id + "' has no " + name + " hint (" + language + ":)"));
        } else if (HANGUL.matcher(text.get()).find() != hangul) {
            problems.add(new PackProblem(yaml, line, "the " + language + " hint of check '" + id + "' is not in "
                    + name + ": \"" + text.get() + "\""));
        }
    }

    private record Mark(String id, Path file, int line) {
    }

    private List<Mark> marks() {
        Path checks = pack.resolve("checks");
        if (!Files.isDirectory(checks)) {
            return List.of();
        }
        List<Mark> marks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(checks)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher mark = MARK.matcher(lines.get(i));
                    while (mark.find()) {
                        marks.add(new Mark(mark.group(1), file, i + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return marks;
    }
}
