package io.coursekit.authoring;

import io.coursekit.YamlTree;
import io.coursekit.YamlTree.Mapping;
import io.coursekit.YamlTree.Node;
import io.coursekit.YamlTree.Scalar;
import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code samples/expected.yaml} held to the lab and to the samples folder: an entry per sample folder and a folder
 * per entry, known check ids, and a score that is what its failing checks leave, before any sample is graded.
 */
final class SampleExpectations {
    private final List<SampleExpectation> expectations = new ArrayList<>();
    private final List<PackProblem> problems = new ArrayList<>();

    private SampleExpectations() {
    }

    /** The samples to grade and what each must score. */
    List<SampleExpectation> expectations() {
        return expectations;
    }

    List<PackProblem> problems() {
        return problems;
    }

    static SampleExpectations read(Lab lab) {
        SampleExpectations read = new SampleExpectations();
        read.readFrom(lab);
        return read;
    }

    private void readFrom(Lab lab) {
        Path file = lab.samplesDir().resolve("expected.yaml");
        Set<String> folders = folders(lab.samplesDir());
        if (!Files.isRegularFile(file)) {
            problems.add(new PackProblem(file, 0, "missing: a lab pack says here what each of its wrong samples scores"));
            return;
        }
        Mapping root;
        try {
            root = YamlTree.read(Files.readString(file, StandardCharsets.UTF_8), 1, "not valid YAML",
                    (line, what) -> new LabProblem(file, line, what)).asMapping("expected.yaml");
        } catch (LabProblem e) {
            problems.add(PackProblem.of(e));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.entries().forEach((name, node) -> {
            int line = root.keyLines().get(name);
            if (!folders.contains(name)) {
                problems.add(new PackProblem(file, line, "sample '" + name + "' has no folder " + lab.samplesDir().resolve(name)));
                return;
            }
            try {
                expectations.add(entry(lab, name, line, node.asMapping("sample '" + name + "'")));
            } catch (LabProblem e) {
                problems.add(PackProblem.of(e));
            }
        });
        for (String folder : folders) {
            if (!root.entries().containsKey(folder)) {
                problems.add(new PackProblem(lab.samplesDir().resolve(folder), 0,
                        "no entry in " + file + ": say what this sample scores and which checks it fails"));
            }
        }
    }

    private static SampleExpectation entry(Lab lab, String name, int line, Mapping entry) {
        entry.allowOnly(Set.of("score", "failing", "reasons"), "sample '" + name + "'");
        int score = entry.requiredScalar("score", "sample '" + name + "'").wholeNumber("'score'", 0);
        List<String> failing = new ArrayList<>();
        for (Node item : entry.required("failing", "sample '" + name + "'").asSequence("'failing'").items()) {
            Scalar id = item.asScalar("an entry of 'failing'");
            if (lab.check(id.text()).isEmpty()) {
                throw id.problem("sample '" + name + "' fails '" + id.text() + "', which is no check of the lab");
            }
            failing.add(id.text());
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        if (entry.get("reasons").isPresent()) {
            Mapping given = entry.required("reasons", name).asMapping("'reasons'");
            given.entries().forEach((id, reason) -> {
                if (!failing.contains(id)) {
                    throw given.problemAt(id, "a reason for '" + id + "', which sample '" + name + "' does not fail");
                }
                reasons.put(id, reason.asScalar("the reason of '" + id + "'").text());
            });
        }
        int left = lab.checks().stream().filter(c -> !failing.contains(c.id())).mapToInt(Check::points).sum();
        if (left != score) {
            throw entry.problemAt("score", "sample '" + name + "' fails " + failing + ", which leaves " + left
                    + " points, not " + score);
        }
        return new SampleExpectation(name, line, score, failing, reasons);
    }

    private static Set<String> folders(Path samples) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(samples)) {
            return names;
        }
        try (Stream<Path> entries = Files.list(samples)) {
            entries.filter(Files::isDirectory).forEach(dir -> names.add(dir.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
