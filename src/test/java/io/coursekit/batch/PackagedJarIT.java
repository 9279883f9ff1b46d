package io.coursekit.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar as users run it, with a fresh cache: its first grading copies the libraries of the judge and of
 * student JVMs into jars of their own and writes the lab's class archives for both, and every JVM after it maps its
 * archive. Every sample must still score exactly as expected.yaml says, exits and endless loops included, with two
 * workers, sandboxed.
 */
class PackagedJarIT {
    private static final Path JAR = ClassFolder.ROOT.resolve("target/coursekit.jar");

    @TempDir
    Path temp;

    @Test
    void theJarGradesEverySampleExactlyWithItsClassArchive() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "skipped: " + JAR + " is not built (run mvn verify)");
        Path cache = temp.resolve("cache");
        ClassFolder submissions = new ClassFolder(ClassFolder.CACHE_ASIDE_LAB, Files.createDirectory(temp.resolve("class")))
                .folder("reference", "reference");
        try (Stream<Path> samples = Files.list(ClassFolder.CACHE_ASIDE_LAB.resolve("samples"))) {
            samples.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .forEach(name -> submissions.folder(name, "samples/" + name));
        }
        Path out = temp.resolve("graded");

        String printed = coursekit(cache, "batch", "--lab", "cache-aside", "--labs-dir",
                ClassFolder.ROOT.resolve("grader/labs").toString(), "--jobs", "2", "--out", out.toString(),
                submissions.dir().toString());

        for (String name : List.of("judge.jsa", "student.jsa")) {
            Path archive;
            try (Stream<Path> files = Files.walk(cache)) {
                archive = files.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElse(null);
            }
            assertThat(archive).as(name + " in the cache after:\n" + printed).isNotNull();
            assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        }
        for (String prefix : List.of("judge-libraries-", "student-libraries-")) {
            try (Stream<Path> files = Files.walk(cache)) {
                Path libraries = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                        && f.toString().endsWith(".jar")).findFirst().orElseThrow();
                assertThat(Files.size(libraries)).as("only what " + prefix + " code may see").isLessThan(Files.size(JAR) / 2);
            }
        }
        Lab lab = Lab.load(ClassFolder.CACHE_ASIDE_LAB);
        int allPoints = lab.checks().stream().mapToInt(Check::points).sum();
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, Integer> graded = new TreeMap<>();
        for (Map.Entry<String, String> student : submissions.sources().entrySet()) {
            expected.put(student.getKey(), submissions.score(student.getValue(), allPoints));
            graded.put(student.getKey(), new ObjectMapper().readTree(out.resolve(student.getKey()).resolve("results.json")
                    .toFile()).get("score").asInt());
        }
        assertThat(graded).isEqualTo(expected);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(9);
    }

    private String coursekit(Path cache, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = temp.resolve("coursekit.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("coursekit " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        return printed;
    }
}
