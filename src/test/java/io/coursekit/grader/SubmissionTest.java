package io.coursekit.grader;


import io.coursekit.UserError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionTest {
    @TempDir
    Path dir;

    @Test
    void aZipIsUnpackedToItsJavaFilesAndRemovedOnClose() throws IOException {
        Path zip = zip("alice.zip", Map.of(
                "alice/src/lab/Shop.java", "class Shop {}",
                "alice/README.md", "notes",
                "__MACOSX/alice/src/lab/._Shop.java", "\0\0binary",
                "alice/src/lab/._Shop.java", "\0\0binary"));
        Path root;
        try (Submission submission = Submission.open(zip)) {
            root = submission.root();
            assertThat(submission.name()).isEqualTo("alice");
            assertThat(submission.javaFiles()).containsExactly(root.resolve("alice/src/lab/Shop.java"));
            assertThat(root.resolve("alice/README.md")).doesNotExist();
        }
        assertThat(root).doesNotExist();
    }

    @Test
    void anEntryWithDotDotIsRefused() throws IOException {
        Path zip = zip("evil.zip", Map.of("src/Shop.java", "class Shop {}", "../../escape.java", "class Escape {}"));
        assertThatThrownBy(() -> Submission.open(zip)).isInstanceOf(UserError.class)
                .hasMessage(zip + ": zip refused: entry '../../escape.java' points outside the submission folder ('..')");
        assertThat(dir.getParent().resolve("escape.java")).doesNotExist();
    }

    @Test
    void anAbsoluteEntryIsRefused() throws IOException {
        Path zip = zip("abs.zip", Map.of("/tmp/Shop.java", "class Shop {}"));
        assertThatThrownBy(() -> Submission.open(zip)).hasMessageContaining("entry '/tmp/Shop.java' has an absolute path");
    }

    @Test
    void aSymbolicLinkIsRefused() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(dir.resolve("linked"));
        Files.writeString(folder.resolve("Shop.java"), "class Shop {}");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not for students");
        Files.createSymbolicLink(folder.resolve("Passwords.java"), secret);
        Path zip = dir.resolve("linked.zip");
        Process zipTool;
        try {
            zipTool = new ProcessBuilder("zip", "-q", "--symlinks", zip.toString(), "Shop.java", "Passwords.java")
                    .directory(folder.toFile()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("no zip command to build a zip holding a link: " + e.getMessage());
            return;
        }
        assertThat(zipTool.waitFor()).isZero();
        assertThatThrownBy(() -> Submission.open(zip)).isInstanceOf(UserError.class)
                .hasMessageContaining("entry 'Passwords.java' is a symbolic link");
    }

    @Test
    void zipBombsAreStoppedByTheLimits() throws IOException {
        Path big = dir.resolve("big.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(big))) {
            out.putNextEntry(new ZipEntry("Big.java"));
            out.write(new byte[200_000]);
            out.closeEntry();
        }
        assertThat(Files.size(big)).isLessThan(2_000);
        SubmissionZip.Limits small = new SubmissionZip.Limits(3, 100_000, 150_000);
        assertThatThrownBy(() -> Submission.open(big, small)).hasMessageContaining("entry 'Big.java' unpacks to more than");
        Path many = zip("many.zip", Map.of("A.java", "", "B.java", "", "C.java", "", "D.java", ""));
        assertThatThrownBy(() -> Submission.open(many, small)).hasMessageContaining("it has 4 entries, more than the 3 allowed");
        Path total = zip("total.zip", Map.of("A.java", "a".repeat(90_000), "B.java", "b".repeat(90_000)));
        assertThatThrownBy(() -> Submission.open(total, small)).hasMessageContaining("in all");
    }

    @Test
    void notAZipSaysSo() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.zip"), "not a zip at all");
        assertThatThrownBy(() -> Submission.open(fake)).isInstanceOf(UserError.class).hasMessageContaining("not a readable zip file");
        assertThatThrownBy(() -> Submission.open(dir.resolve("missing"))).hasMessageContaining("no such submission folder or zip file");
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes());
                out.closeEntry();
            }
        }
        return zip;
    }
}
