package io.coursekit.grader;

import io.coursekit.lab.Lab;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LabCacheTest {
    private static final Lab TINY = Lab.load(SharedRedis.root().resolve("src/test/resources/labs/tiny"));

    @TempDir
    Path dir;

    @Test
    void leavesOutApiCopiesTestsAndModuleInfoAndSaysSo() {
        LabCache cache = new LabCache(dir.resolve("cache"));
        try (Submission submission = Submission.open(TINY.samplesDir().resolve("ships-extras"))) {
            SubmissionSources sources = SubmissionSources.read(submission, cache.compileLab(TINY).apiTypes());
            assertThat(sources.files()).containsOnlyKeys("src/lab/tiny/RedisShelf.java");
            assertThat(sources.notes()).containsExactly(
                    new SourceNote("src/lab/tiny/Shelf.java", SourceNote.Kind.API_COPY, "lab.tiny.Shelf"),
                    new SourceNote("src/module-info.java", SourceNote.Kind.MODULE_INFO, ""),
                    new SourceNote("src/test/java/lab/tiny/RedisShelfTest.java", SourceNote.Kind.OWN_TEST, ""));
        }
    }

    @Test
    void compileErrorsNameTheFileRelativeToTheSubmissionAndTheLine() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("carol/src/lab/tiny"));
        String source = Files.readString(TINY.referenceDir().resolve("lab/tiny/RedisShelf.java"));
        Files.writeString(broken.resolve("RedisShelf.java"), source.replace("return \"tiny\";", "return \"tiny\""));
        try (Grader grader = new Grader(LabCache.forThisUser(), SharedRedis.get().access(), Sandbox.detect());
             Submission submission = Submission.open(dir.resolve("carol"));
             CompiledSubmission compiled = grader.compile(TINY, submission)) {
            assertThat(compiled.intake().compiled()).isFalse();
            assertThat(compiled.intake().problem()).isEqualTo(new Reason.DoesNotCompile());
            assertThat(compiled.intake().detail()).startsWith("src/lab/tiny/RedisShelf.java:25: error: ';' expected\n")
                    .contains("        return \"tiny\"\n                     ^");
        }
    }

    @Test
    void theCompiledPackIsReusedFromTheCache() {
        LabCache cache = new LabCache(dir.resolve("cache"));
        CompiledLab first = cache.compileLab(TINY);
        CompiledLab again = cache.compileLab(TINY);
        assertThat(again.folder()).isEqualTo(first.folder());
        assertThat(first.methods()).extracting(CheckMethod::checkId)
                .containsExactly("put-then-count", "starts-empty", "survives-cut", "motto", "fast-count");
    }

    @Test
    void aCompiledPackChangedSinceItWasWrittenIsBuiltAgainNotTrusted() throws IOException {
        LabCache cache = new LabCache(dir.resolve("cache"));
        CompiledLab first = cache.compileLab(TINY);
        byte[] sealed = Files.readAllBytes(first.checksJar());
        // as a submission that found the cache would: replace the checks with its own
        Files.write(first.checksJar(), "not the lab's checks".getBytes());

        CompiledLab again = cache.compileLab(TINY);

        assertThat(again.checksJar()).hasBinaryContent(sealed);
        assertThat(CacheSeal.intact(again.checksJar())).isTrue();
    }
}
