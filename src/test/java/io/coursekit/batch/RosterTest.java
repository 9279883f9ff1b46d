package io.coursekit.batch;

import io.coursekit.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

    @Test
    void aClassZipIsUnpackedAndItsWrappingFolderLookedInto(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("class.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "submissions/kimminsu_1001_5001_lab2.zip", "not read until graded");
            entry(out, "submissions/Lee Ji-eun_77_assignsubmission_file_/lab/cacheaside/Service.java", "class Service {}");
            entry(out, "submissions/notes.txt", "left out");
            entry(out, "__MACOSX/submissions/._kimminsu_1001_5001_lab2.zip", "metadata");
        }

        try (Roster roster = Roster.read(zip, Optional.empty(), dir.resolve("out"))) {
            assertThat(roster.entries()).extracting(Roster.Entry::student).containsExactly("Lee Ji-eun", "kimminsu");
            assertThat(roster.entries().get(1).source()).isRegularFile();
            assertThat(roster.mapping()).containsPattern("kimminsu_1001_5001_lab2 +→ kimminsu  \\(canvas, user id 1001\\)")
                    .containsPattern("Lee Ji-eun_77_assignsubmission_file_ +→ Lee Ji-eun  \\(moodle\\)");
        }
    }

    @Test
    void aClassZipThatClimbsOutIsRefusedWhole(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("class.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "alice/../../Evil.java", "class Evil {}");
        }

        assertThatThrownBy(() -> Roster.read(zip, Optional.empty(), dir.resolve("out"))).isInstanceOf(UserError.class)
                .hasMessageContaining("zip refused: entry 'alice/../../Evil.java' points outside");
        assertThat(dir.getParent().resolve("Evil.java")).doesNotExist();
    }

    @Test
    void theOutFolderHiddenFoldersAndLooseFilesAreNoSubmissions(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("alice"));
        Files.createDirectories(dir.resolve("graded"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("notes.txt"), "grade by Friday");

        try (Roster roster = Roster.read(dir, Optional.empty(), dir.resolve("graded"))) {
            assertThat(roster.entries()).extracting(Roster.Entry::student).containsExactly("alice");
            assertThat(roster.mapping()).contains("notes.txt: skipped, not a folder or .zip");
        }
    }

    @Test
    void twoSubmissionsOfOneStudentAreRefusedByName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("kimminsu_1001_5001_lab2"));
        Files.createDirectories(dir.resolve("kimminsu_1001_5009_lab2-fixed"));

        assertThatThrownBy(() -> Roster.read(dir, Optional.empty(), dir.resolve("out"))).isInstanceOf(UserError.class)
                .hasMessageContaining("kimminsu ← kimminsu_1001_5001_lab2, kimminsu_1001_5009_lab2-fixed");
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
