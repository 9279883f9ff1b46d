package io.coursekit.grader;

import io.coursekit.lab.Lab;
import io.coursekit.lab.LabProblem;
import io.coursekit.batch.FolderCopy;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RubricMethodsTest {
    @TempDir
    Path dir;

    @Test
    void checksAndRubricMustAgree() throws IOException {
        Path pack = SharedRedis.root().resolve("src/test/resources/labs/tiny");
        Path copy = dir.resolve("tiny");
        FolderCopy.tree(pack, copy);
        Path yaml = copy.resolve("lab.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("id: motto", "id: motto-check"));
        LabCache compiler = new LabCache(dir.resolve("cache"));
        assertThatThrownBy(() -> compiler.compileLab(Lab.load(copy))).isInstanceOf(LabProblem.class)
                .hasMessageContaining("ShelfChecks.motto() is marked @RubricCheck(\"motto\"), but")
                .hasMessageContaining("has no check with that id");
    }

}
