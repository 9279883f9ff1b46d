package io.coursekit.lab;


import io.coursekit.UserError;
import io.coursekit.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabTest {
    private static final String GOOD = """
            id: demo
            title: "Demo"
            package: lab.demo
            student:
              class: lab.demo.DemoService
              constructor: "DemoService(RedisCommands<String, String> redis)"
            limits:
              time_seconds: 60
              memory_mb: 256
              output_kib: 16
            checks:
              - id: first-check
                points: 10
                visibility: visible
                timeout_seconds: 5
                hint:
                  ko: "첫 번째"
                  en: "first"
              - id: bonus
                points: 3
                extra_credit: true
                visibility: after_due_date
                timeout_seconds: 2
                hint:
                  ko: "보너스"
                  en: "bonus"
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheRubricAndLimits() throws IOException {
        Lab lab = Lab.load(write(GOOD));
        assertThat(lab.id()).isEqualTo("demo");
        assertThat(lab.javaPackage()).isEqualTo("lab.demo");
        assertThat(lab.limits()).isEqualTo(new Limits(Duration.ofSeconds(60), 256, 16, Duration.ofSeconds(30)));
        assertThat(lab.checks()).extracting(Check::id).containsExactly("first-check", "bonus");
        Check bonus = lab.check("bonus").orElseThrow();
        assertThat(bonus.extraCredit()).isTrue();
        assertThat(bonus.visibility()).isEqualTo(Visibility.AFTER_DUE_DATE);
        assertThat(bonus.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bonus.hint().in("ko")).isEqualTo("보너스");
        assertThat(bonus.hint().in("en")).isEqualTo("bonus");
        assertThat(lab.maxScore()).isEqualTo(10);
    }

    @Test
    void theCacheAsideRubricMatchesTheSpec() {
        Lab lab = Lab.load(SharedRedis.root().resolve("grader/labs/cache-aside"));
        assertThat(lab.maxScore()).isEqualTo(100);
        assertThat(lab.checks()).extracting(Check::id).containsExactly("miss-loads-from-database", "hit-skips-database",
                "ttl-in-range", "update-invalidates", "delete-evicts", "missing-product-empty", "shared-across-instances",
                "redis-outage-fallback", "cache-speedup", "stampede-protection");
        assertThat(lab.check("stampede-protection").orElseThrow().extraCredit()).isTrue();
        assertThat(lab.check("stampede-protection").orElseThrow().points()).isEqualTo(5);
    }

    @Test
    void aBadVisibilityNamesFileAndLine() throws IOException {
        Path pack = write(GOOD.replace("visibility: after_due_date", "visibility: later"));
        assertThatThrownBy(() -> Lab.load(pack)).isInstanceOf(LabProblem.class)
                .hasMessage(pack.resolve("lab.yaml") + ":22: visibility 'later' must be visible, after_due_date or hidden");
    }

    @Test
    void anUnknownKeyIsATypoNotIgnored() throws IOException {
        Path pack = write(GOOD.replace("    timeout_seconds: 5", "    timeout: 5"));
        assertThatThrownBy(() -> Lab.load(pack)).hasMessageStartingWith(pack.resolve("lab.yaml") + ":15: unknown key 'timeout'");
    }

    @Test
    void aMissingKeyAndADuplicateIdAreRefused() throws IOException {
        Path noPoints = write(GOOD.replace("    points: 10\n", ""));
        assertThatThrownBy(() -> Lab.load(noPoints)).hasMessage(noPoints.resolve("lab.yaml") + ":12: missing 'points'");
        Path twice = write(GOOD.replace("id: bonus", "id: first-check"));
        assertThatThrownBy(() -> Lab.load(twice)).hasMessage(twice.resolve("lab.yaml") + ":19: check id 'first-check' appears twice");
    }

    @Test
    void aKeyWrittenTwiceOrWithoutAValueNamesItsLine() throws IOException {
        Path twice = write(GOOD.replace("    points: 10\n", "    points: 10\n    points: 11\n"));
        assertThatThrownBy(() -> Lab.load(twice)).isInstanceOf(LabProblem.class)
                .hasMessage(twice.resolve("lab.yaml") + ":14: key 'points' appears twice");
        for (String none : new String[] {"title:", "title: ~", "title: null"}) {
            Path empty = write(GOOD.replace("title: \"Demo\"", none));
            assertThatThrownBy(() -> Lab.load(empty)).hasMessage(empty.resolve("lab.yaml") + ":2: 'title' is empty");
        }
    }

    @Test
    void brokenYamlSaysWhere() throws IOException {
        Path pack = write(GOOD.replace("title: \"Demo\"", "title: \"Demo"));
        assertThatThrownBy(() -> Lab.load(pack)).isInstanceOf(LabProblem.class)
                .hasMessageStartingWith(pack.resolve("lab.yaml") + ":").hasMessageContaining("not valid YAML");
    }

    @Test
    void anUnknownLabListsTheKnownOnes() {
        assertThatThrownBy(() -> Lab.find("cache-aside-2", SharedRedis.root().resolve("grader/labs")))
                .isInstanceOf(UserError.class).hasMessageContaining("unknown lab 'cache-aside-2'")
                .hasMessageContaining("cache-aside");
    }

    private Path write(String yaml) throws IOException {
        Path pack = Files.createTempDirectory(dir, "pack");
        Files.writeString(pack.resolve("lab.yaml"), yaml);
        return pack;
    }
}
