package io.coursekit.batch;

import io.coursekit.UserError;
import io.coursekit.lab.Lab;
import io.coursekit.grader.Submission;
import io.coursekit.lab.check.LabRedis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The naive way to grade, timed for comparison by {@code coursekit bench batch}: for each submission a Maven
 * project whose main sources are the lab's API and the submission and whose tests are the lab's checks, run with
 * {@code mvn -q -o test} against the same kind of Redis (emptied before each check), the student's class built in
 * the tests' own JVM: no sandbox, no second JVM, no judge.
 */
public final class MavenBaseline {
    private static final String TEMPLATE = "/io/coursekit/batch/baseline/";
    /** The classes checks and the baseline's Redis listener use from coursekit. */
    private static final List<String> CONTRACT = List.of("io/coursekit/lab/check/", "io/coursekit/rpc/Message");

    private final Lab lab;
    private final Path work;
    private final Path contractJar;
    private final URI redis;

    private MavenBaseline(Lab lab, Path work, Path contractJar, URI redis) {
        this.lab = lab;
        this.work = work;
        this.contractJar = contractJar;
        this.redis = redis;
    }

    /** @param redis a Redis the checks may empty */
    public static MavenBaseline prepare(Lab lab, Path work, URI redis) {
        Path jar = work.resolve("check-contract.jar");
        try {
            Files.createDirectories(work);
            writeContractJar(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
        return new MavenBaseline(lab, work, jar, redis);
    }

    /** Builds the project for {@code submission} and runs {@code mvn -q -o test} in it; returns how long that took. */
    public Duration grade(Path submission, String name) {
        Path project = work.resolve(name);
        try (Submission handedIn = Submission.open(submission)) {
            Set<String> apiFiles;
            try (Stream<Path> api = Files.walk(lab.apiDir())) {
                apiFiles = api.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            }
            FolderCopy.tree(lab.apiDir(), project.resolve("src/main/java"));
            for (Path file : handedIn.javaFiles()) {
                if (!apiFiles.contains(file.getFileName().toString())) {
                    Path target = project.resolve("src/main/java").resolve(handedIn.root().relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
            FolderCopy.tree(lab.checksDir(), project.resolve("src/test/java"));
            Files.writeString(project.resolve("pom.xml"), template("pom.xml").replace("@CONTRACT_JAR@",
                    contractJar.toAbsolutePath().toString()));
            Path listener = project.resolve("src/test/java/coursekit/baseline/BaselineRedis.java");
            Files.createDirectories(listener.getParent());
            Files.writeString(listener, template("BaselineRedis.java.txt"));
            Path services = project.resolve("src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener");
            Files.createDirectories(services.getParent());
            Files.writeString(services, "coursekit.baseline.BaselineRedis\n");
            Files.writeString(project.resolve("src/test/resources/junit-platform.properties"),
                    template("junit-platform.properties"));
            long started = System.nanoTime();
            ProcessBuilder mvn = new ProcessBuilder("mvn", "-q", "-o", "-B", "test").directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(project.resolve("mvn.log").toFile());
            mvn.environment().put("LAB_REDIS", redis.toString());
            mvn.environment().put("LAB_STUDENT_CLASS", lab.student().className());
            mvn.environment().put("LAB_COMMAND_TIMEOUT_MS", String.valueOf(lab.student().commandTimeout().toMillis()));
            mvn.start().waitFor();
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (IOException e) {
            throw new UserError("the Maven baseline could not run in " + project + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while timing the Maven baseline");
        }
    }

    private static String template(String name) throws IOException {
        try (InputStream in = MavenBaseline.class.getResourceAsStream(TEMPLATE + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The contract classes out of wherever coursekit runs from: its jar, or its classes folder in a build. */
    private static void writeContractJar(Path jar) throws IOException {
        Path source;
        try {
            source = Path.of(LabRedis.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = source.relativize(file).toString().replace('\\', '/');
                        if (isContract(name)) {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(file, out);
                        }
                    }
                }
            } else {
                try (JarFile coursekit = new JarFile(source.toFile())) {
                    for (JarEntry entry : coursekit.stream().filter(e -> isContract(e.getName())).toList()) {
                        out.putNextEntry(new JarEntry(entry.getName()));
                        try (InputStream in = coursekit.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                    }
                }
            }
        }
    }

    private static boolean isContract(String name) {
        return name.endsWith(".class") && CONTRACT.stream().anyMatch(name::startsWith);
    }
}
