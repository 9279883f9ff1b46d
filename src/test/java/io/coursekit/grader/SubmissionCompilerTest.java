package io.coursekit.grader;

import io.coursekit.lab.Lab;

import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionCompilerTest {
    private static final Lab TINY = Lab.load(SharedRedis.root().resolve("src/test/resources/labs/tiny"));

    @TempDir
    Path dir;

    @Test
    void leavesOutApiCopiesTestsAndModuleInfoAndSaysSo() {
        SubmissionCompiler compiler = new SubmissionCompiler(dir.resolve("cache"));
        try (Submission submission = Submission.open(TINY.samplesDir().resolve("ships-extras"))) {
            Compilation compilation = compiler.compile(compiler.compileLab(TINY), submission, dir.resolve("classes"));
            assertThat(compilation.errors()).isEmpty();
            assertThat(compilation.notes()).contains(
                    "src/lab/tiny/Shelf.java: ignored; the lab's own lab.tiny.Shelf is used",
                    "src/module-info.java: ignored; submissions are compiled without modules",
                    "src/test/java/lab/tiny/RedisShelfTest.java: ignored; the submission's own tests are not graded");
            assertThat(dir.resolve("classes/lab/tiny/RedisShelf.class")).exists();
            assertThat(dir.resolve("classes/lab/tiny/Shelf.class")).doesNotExist();
        }
    }

    @Test
    void compileErrorsNameTheFileRelativeToTheSubmissionAndTheLine() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("carol/src/lab/tiny"));
        String source = Files.readString(TINY.referenceDir().resolve("lab/tiny/RedisShelf.java"));
        Files.writeString(broken.resolve("RedisShelf.java"), source.replace("return \"tiny\";", "return \"tiny\""));
        SubmissionCompiler compiler = new SubmissionCompiler(dir.resolve("cache"));
        try (Submission submission = Submission.open(dir.resolve("carol"))) {
            Compilation compilation = compiler.compile(compiler.compileLab(TINY), submission, dir.resolve("classes"));
            assertThat(compilation.compiled()).isFalse();
            assertThat(compilation.errors()).startsWith("src/lab/tiny/RedisShelf.java:25: error: ';' expected\n")
                    .contains("        return \"tiny\"\n                     ^");
        }
    }

    @Test
    void theCompiledPackIsReusedFromTheCache() {
        SubmissionCompiler compiler = new SubmissionCompiler(dir.resolve("cache"));
        CompiledLab first = compiler.compileLab(TINY);
        CompiledLab again = compiler.compileLab(TINY);
        assertThat(again.checks()).isEqualTo(first.checks());
        assertThat(first.methods()).extracting(CheckMethod::checkId)
                .containsExactly("put-then-count", "starts-empty", "survives-cut", "motto", "fast-count");
    }
}
