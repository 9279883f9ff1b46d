package io.coursekit.grader;

import io.coursekit.batch.FolderCopy;
import io.coursekit.lab.Lab;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correct sources score full marks however an editor saved them: UTF-8 with a byte order mark, or MS949 as a
 * Korean Windows editor writes it (with a note in the report), and a file that is neither is still compiled.
 */
class SourceEncodingTest {
    private static final Lab LAB = Lab.load(SharedRedis.root().resolve("grader/labs/cache-aside"));
    private static final Grader GRADER = new Grader(
            LabCache.forThisUser(), SharedRedis.get().access(),
            Sandbox.detect());
    /** Korean in a comment and in a string, as students write them. */
    private static final String KOREAN = "// 상품 캐시: 동적 데이터는 5~30분 TTL\n";

    @TempDir
    Path dir;

    @AfterAll
    static void endJudge() {
        GRADER.close();
    }

    @Test
    void utf8WithAByteOrderMarkScoresFullMarks() throws IOException {
        Path submission = reference("bom", text -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (KOREAN + text).getBytes(StandardCharsets.UTF_8)));
        GradeReport report = grade(submission);
        assertThat(report.failed()).isEmpty();
        assertThat(report.score()).isEqualTo(105);
        assertThat(report.intake().notes()).isEmpty();
    }

    @Test
    void ms949FromAKoreanWindowsEditorScoresFullMarksWithANote() throws IOException {
        Charset ms949 = Charset.forName("x-windows-949");
        Path submission = reference("ms949", text -> (KOREAN + text).getBytes(ms949));
        GradeReport report = grade(submission);
        assertThat(report.failed()).isEmpty();
        assertThat(report.score()).isEqualTo(105);
        assertThat(report.intake().notes()).extracting(SourceNote::kind).containsOnly(SourceNote.Kind.READ_AS_MS949)
                .hasSize(2);
        assertThat(report.intake().notes()).extracting(SourceNote::file)
                .contains("lab/cacheaside/CacheAsideProductService.java");
    }

    @Test
    void decodingTellsUtf8Ms949AndNeitherApart() {
        List<SourceNote> notes = new java.util.ArrayList<>();
        assertThat(SubmissionSources.decode("캐시".getBytes(StandardCharsets.UTF_8), "a.java", notes)).isEqualTo("캐시");
        assertThat(SubmissionSources.decode("캐시".getBytes(Charset.forName("x-windows-949")), "b.java", notes)).isEqualTo("캐시");
        assertThat(SubmissionSources.decode(new byte[] {'x', (byte) 0xFF, (byte) 0xFF, 'y'}, "c.java", notes)).startsWith("x");
        assertThat(notes).containsExactly(new SourceNote("b.java", SourceNote.Kind.READ_AS_MS949, ""),
                new SourceNote("c.java", SourceNote.Kind.UNREADABLE_CHARACTERS, ""));
    }

    private interface Encoding {
        byte[] bytes(String text);
    }

    private Path reference(String name, Encoding encoding) throws IOException {
        Path submission = dir.resolve(name);
        FolderCopy.tree(LAB.referenceDir(), submission);
        try (Stream<Path> files = Files.walk(submission)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.write(file, encoding.bytes(Files.readString(file)));
            }
        }
        return submission;
    }

    private static GradeReport grade(Path dir) {
        try (Submission submission = Submission.open(dir)) {
            return GRADER.grade(LAB, submission);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
