package io.coursekit.batch;

import io.coursekit.UserError;
import io.coursekit.grader.ScratchFolder;
import io.coursekit.grader.SubmissionZip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The submissions of a class: each folder or .zip in the submissions folder (or in the class's .zip, unpacked
 * with the same safety as a student's zip) with the student id read from its name. Two submissions with the
 * same id are an error: grading both would give one student two rows, and the LMS would keep either.
 */
public final class Roster implements AutoCloseable {

    /** One student's submission. */
    public record Entry(Path source, StudentId id) {
        public String student() {
            return id.student();
        }
    }

    private final List<Entry> entries;
    private final List<String> skipped;
    private final Path unpacked;

    private Roster(List<Entry> entries, List<String> skipped, Path unpacked) {
        this.entries = entries;
        this.skipped = skipped;
        this.unpacked = unpacked;
    }

    /** @param leaveOut a folder that is not a submission even when it sits among them (the --out folder) */
    public static Roster read(Path submissions, Optional<String> idPattern, Path leaveOut) {
        Path unpacked = null;
        Path folder = submissions;
        if (Files.isRegularFile(submissions) && submissions.getFileName().toString().toLowerCase().endsWith(".zip")) {
            unpacked = ScratchFolder.create("coursekit-class-");
            try {
                SubmissionZip.unpackClassInto(submissions, unpacked);
            } catch (RuntimeException e) {
                ScratchFolder.delete(unpacked);
                throw e;
            }
            folder = wrapped(unpacked);
        } else if (!Files.isDirectory(submissions)) {
            throw new UserError(submissions + ": not a folder of submissions or a .zip of them");
        }
        List<Path> candidates = children(folder);
        List<String> skipped = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        Path out = leaveOut.toAbsolutePath().normalize();
        for (Path path : candidates) {
            String fileName = path.getFileName().toString();
            if (fileName.startsWith(".") || fileName.equals("__MACOSX") || path.toAbsolutePath().normalize().equals(out)) {
                continue;
            }
            if (Files.isDirectory(path) || fileName.toLowerCase().endsWith(".zip")) {
                sources.add(path);
            } else {
                skipped.add(fileName);
            }
        }
        List<String> names = sources.stream().map(Roster::nameOf).toList();
        StudentIds ids = StudentIds.forClass(names, idPattern);
        List<Entry> entries = new ArrayList<>();
        for (Path source : sources) {
            entries.add(new Entry(source, ids.identify(nameOf(source))));
        }
        entries.sort(Comparator.comparing(Entry::student));
        refuseTwins(entries);
        return new Roster(List.copyOf(entries), List.copyOf(skipped), unpacked);
    }

    /** The whole class, sorted by student id. */
    public List<Entry> entries() {
        return entries;
    }

    /** The mapping this roster used, one {@code name → id (rule)} line per submission, then what it skipped. */
    public String mapping() {
        StringBuilder text = new StringBuilder();
        int width = entries.stream().mapToInt(e -> e.id().name().length()).max().orElse(0);
        for (Entry entry : entries) {
            text.append(String.format("  %-" + width + "s → %s  (%s%s)%n", entry.id().name(), entry.student(),
                    entry.id().rule(), entry.id().lmsUserId().isEmpty() ? "" : ", user id " + entry.id().lmsUserId()));
        }
        skipped.forEach(name -> text.append("  ").append(name).append(": skipped, not a folder or .zip\n"));
        return text.toString();
    }

    @Override
    public void close() {
        if (unpacked != null) {
            ScratchFolder.delete(unpacked);
        }
    }

    private static String nameOf(Path source) {
        String fileName = source.getFileName().toString();
        return Files.isDirectory(source) ? fileName : fileName.substring(0, fileName.length() - ".zip".length());
    }

    private static void refuseTwins(List<Entry> entries) {
        Map<String, List<String>> byStudent = entries.stream().collect(Collectors.groupingBy(Entry::student,
                LinkedHashMap::new, Collectors.mapping(e -> e.source().getFileName().toString(), Collectors.toList())));
        List<String> twins = byStudent.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " ← " + String.join(", ", e.getValue())).toList();
        if (!twins.isEmpty()) {
            throw new UserError("two or more submissions give the same student id, so one student would get two grades:\n  "
                    + String.join("\n  ", twins) + "\nRemove the extra submissions, or give --id-pattern REGEX "
                    + "whose first group tells them apart.");
        }
    }

    /** A class zip often holds one folder that holds the submissions: use that folder. */
    private static Path wrapped(Path root) {
        List<Path> inside = children(root).stream()
                .filter(p -> !p.getFileName().toString().equals("__MACOSX") && !p.getFileName().toString().startsWith("."))
                .toList();
        return inside.size() == 1 && Files.isDirectory(inside.get(0)) && !containsJava(inside.get(0))
                ? inside.get(0) : root;
    }

    private static boolean containsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> children(Path folder) {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.sorted().toList();
        } catch (IOException e) {
            throw new UserError(folder + ": cannot list the submissions: " + e.getMessage(), e);
        }
    }
}
