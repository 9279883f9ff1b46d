package io.coursekit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class GradeCommandTest {
    private static final Path TINY = SharedRedis.root().resolve("src/test/resources/labs/tiny");

    @TempDir
    Path dir;

    @Test
    void gradesAZipWritesTheReportsAndExitsZero() throws Exception {
        Path zip = dir.resolve("bob.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bob/RedisShelf.java"));
            out.write(Files.readAllBytes(TINY.resolve("reference/lab/tiny/RedisShelf.java")));
            out.closeEntry();
        }
        Run run = run("grade", "--lab", TINY.toString(), "--out", dir.resolve("out").toString(), "--lang", "en",
                "--redis", "uri:" + SharedRedis.get().uri(), zip.toString());
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).contains("Tiny — a shelf in Redis — bob", "Score: 27 / 25");
        assertThat(new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).get("score").asInt()).isEqualTo(27);
        assertThat(dir.resolve("out/report.html")).exists();
        assertThat(dir.resolve("out/junit.xml")).exists();
    }

    @Test
    void aZipWithADotDotEntryIsRefusedWithAMessageAndNoReport() throws Exception {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../Evil.java"));
            out.write("class Evil {}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Run run = run("grade", "--lab", TINY.toString(), "--out", dir.resolve("out").toString(), zip.toString());
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err.strip()).isEqualTo(zip + ": zip refused: entry '../Evil.java' points outside the submission folder ('..')");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownLabIsAUserError() {
        Run run = run("grade", "--lab", "no-such-lab", "--labs-dir", SharedRedis.root().resolve("grader/labs").toString(),
                dir.toString());
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).contains("unknown lab 'no-such-lab'").doesNotContain("Exception");
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int status = CourseKit.run(args);
            return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
