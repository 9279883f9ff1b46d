package io.coursekit.lab;

import io.coursekit.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A lab pack: its rubric and limits from {@code lab.yaml}, and where its API, checks and solutions live.
 *
 * @param dir         the pack folder, {@code grader/labs/<id>}
 * @param javaPackage the package of the types given to students ({@code package:} in lab.yaml)
 * @param student     the class students write and how the checks reach it
 * @param checks      in rubric order
 * @param endpoint    how a student's deployed endpoint is scored, when the lab has an {@code endpoint:} section
 */
public record Lab(Path dir, String id, String title, String javaPackage, StudentContract student, Limits limits,
                  List<Check> checks, Optional<EndpointRubric> endpoint) {
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

    public Lab {
        checks = List.copyOf(checks);
    }

    /** A lab without an {@code endpoint:} section. */
    public Lab(Path dir, String id, String title, String javaPackage, StudentContract student, Limits limits,
               List<Check> checks) {
        this(dir, id, title, javaPackage, student, limits, checks, Optional.empty());
    }

    /** Reads {@code labDir/lab.yaml}; a problem in it is a {@link LabProblem} naming file and line. */
    public static Lab load(Path labDir) {
        Path file = labDir.resolve("lab.yaml");
        if (!Files.isRegularFile(file)) {
            throw new LabProblem(file, "no lab.yaml: is " + labDir + " a lab pack?");
        }
        YamlMap yaml = YamlMap.read(file);
        yaml.allowOnly(Set.of("id", "title", "package", "student", "limits", "checks", "endpoint"));
        String id = yaml.string("id");
        if (!CHECK_ID.matcher(id).matches()) {
            throw yaml.problem("id", "lab id '" + id + "' must be lower-case words joined by '-'");
        }
        String javaPackage = yaml.string("package");
        if (!JAVA_PACKAGE.matcher(javaPackage).matches()) {
            throw yaml.problem("package", "'" + javaPackage + "' is not a Java package name");
        }
        StudentContract student = StudentContract.read(yaml.map("student"));
        if (!student.className().startsWith(javaPackage + ".")) {
            throw yaml.map("student").problem("class", "the student's class " + student.className()
                    + " must be in the lab's package " + javaPackage);
        }
        Limits limits = limits(yaml.map("limits"));
        List<Check> checks = checks(yaml);
        Optional<EndpointRubric> endpoint = yaml.has("endpoint")
                ? Optional.of(EndpointRubric.read(yaml.map("endpoint"))) : Optional.empty();
        return new Lab(labDir, id, yaml.string("title"), javaPackage, student, limits, checks, endpoint);
    }

    /** The {@code checks:} list of {@code yaml}: at least one entry, ids unique. */
    static List<Check> checks(YamlMap yaml) {
        List<YamlMap> entries = yaml.maps("checks");
        if (entries.isEmpty()) {
            throw yaml.problem("checks", "a lab needs at least one check");
        }
        List<Check> checks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlMap entry : entries) {
            Check check = check(entry);
            if (!seen.add(check.id())) {
                throw entry.problem("id", "check id '" + check.id() + "' appears twice");
            }
            checks.add(check);
        }
        return checks;
    }

    /**
     * The lab {@code idOrPath}: a lab id under {@code labsDir}, or the path of a lab pack folder.
     * An unknown lab is a {@link UserError} naming the labs there are.
     */
    public static Lab find(String idOrPath, Path labsDir) {
        Path asPath = Path.of(idOrPath);
        if (Files.isRegularFile(asPath.resolve("lab.yaml"))) {
            return load(asPath);
        }
        Path named = labsDir.resolve(idOrPath);
        if (Files.isRegularFile(named.resolve("lab.yaml"))) {
            return load(named);
        }
        List<String> known = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(labsDir)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("lab.yaml"))).map(d -> d.getFileName().toString()).sorted()
                    .forEach(known::add);
        } catch (IOException e) {
            throw new UserError("unknown lab '" + idOrPath + "': it is not a lab pack folder, and " + labsDir
                    + " cannot be read (" + e.getMessage() + ")");
        }
        throw new UserError("unknown lab '" + idOrPath + "': no " + named.resolve("lab.yaml")
                + (known.isEmpty() ? "" : " (labs in " + labsDir + ": " + String.join(", ", known) + ")"));
    }

    private static Limits limits(YamlMap yaml) {
        yaml.allowOnly(Set.of("time_seconds", "memory_mb", "output_kib", "compile_seconds"));
        return new Limits(Duration.ofSeconds(yaml.integer("time_seconds", 1)),
                yaml.integer("memory_mb", 64), yaml.integer("output_kib", 1),
                Duration.ofSeconds(yaml.has("compile_seconds") ? yaml.integer("compile_seconds", 1) : Limits.COMPILE_SECONDS));
    }

    private static Check check(YamlMap yaml) {
        yaml.allowOnly(Set.of("id", "points", "extra_credit", "visibility", "timeout_seconds", "hint"));
        String id = yaml.string("id");
        if (!CHECK_ID.matcher(id).matches()) {
            throw yaml.problem("id", "check id '" + id + "' must be lower-case words joined by '-'");
        }
        String visibility = yaml.string("visibility");
        Visibility shown = Visibility.named(visibility).orElseThrow(() -> yaml.problem("visibility",
                "visibility '" + visibility + "' must be visible, after_due_date or hidden"));
        YamlMap hint = yaml.map("hint");
        hint.allowOnly(Set.of("ko", "en"));
        return new Check(id, yaml.integer("points", 0), yaml.flag("extra_credit", false), shown,
                Duration.ofSeconds(yaml.integer("timeout_seconds", 1)), new Hint(hint.string("ko"), hint.string("en")));
    }

    public Optional<Check> check(String checkId) {
        return checks.stream().filter(c -> c.id().equals(checkId)).findFirst();
    }

    /** The most a submission can score without extra credit. */
    public int maxScore() {
        return checks.stream().filter(c -> !c.extraCredit()).mapToInt(Check::points).sum();
    }

    public Path apiDir() {
        return dir.resolve("api");
    }

    public Path checksDir() {
        return dir.resolve("checks");
    }

    public Path referenceDir() {
        return dir.resolve("reference");
    }

    public Path samplesDir() {
        return dir.resolve("samples");
    }
}
