package io.coursekit.site;

import io.coursekit.testing.CommandRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in course.yaml and in links to pages it leaves out: the line to fix and a cause a person understands. */
class SettingsMessagesTest {
    @TempDir
    Path dir;
    Path content;
    Path yaml;

    @BeforeEach
    void twoWeeks() throws IOException {
        content = dir.resolve("content");
        yaml = content.resolve("course.yaml");
        Files.writeString(Files.createDirectories(content.resolve("week_01/day1")).resolve("README.md"), "# Day 1\n\n[다음 주](../../week_02/day1/README.md)\n");
        Files.writeString(Files.createDirectories(content.resolve("week_02/day1")).resolve("README.md"), "# Week 2 Day 1\n");
    }

    @Test
    void aListItemIndentedDeeperThanTheOneAboveIsNamedAtItsLine() throws IOException {
        Files.writeString(yaml, "title: 코스\nweeks:\n- week_01\n  - week_02\n");
        assertThat(firstError()).isEqualTo(yaml + ":4: '- week_02' is indented deeper than '- week_01' above it, so YAML reads"
                + " both as one entry 'week_01 - week_02'; put every '- ' of the list at the same indent");
    }

    @Test
    void aListItemIndentedLessIsNamedAtItsLine() throws IOException {
        Files.writeString(yaml, "title: 코스\nweeks:\n  - week_01\n - week_02\n");
        assertThat(firstError()).startsWith(yaml + ":4: invalid YAML: this list item is indented unlike the lines above it");
    }

    @Test
    void anUnclosedQuoteIsNamedWhereItOpens() throws IOException {
        Files.writeString(yaml, "description: 설명\ntitle: \"캐시 코스\nlanguage: ko\n");
        assertThat(firstError()).isEqualTo(yaml + ":2: invalid YAML: the quoted value that starts on this line is never closed;"
                + " end it with the same quote");
    }

    @Test
    void anUnknownKeySuggestsTheNearestKnownOne() throws IOException {
        Files.writeString(yaml, "title: 코스\nrepo_ulr: https://github.com/example/course\n");
        assertThat(firstError()).startsWith(yaml + ":2: unknown key 'repo_ulr'; did you mean 'repo_url'? (known keys: description, edit_path");
    }

    @Test
    void aLinkIntoAWeekTheWeeksListLeavesOutSaysSo() throws IOException {
        Files.writeString(yaml, "title: 코스\nweeks:\n  - week_01\n");
        assertThat(firstError()).isEqualTo(content.resolve("week_01/day1/README.md") + ":3: broken link ../../week_02/day1/README.md:"
                + " that page is in week_02, which the weeks list of course.yaml (line 2) leaves out: add week_02 there to publish it");
    }

    private String firstError() {
        CommandRun run = CommandRun.of("build", "--content", content.toString(), "--out", dir.resolve("site").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ", "in 'reader'");
        return run.errLines()[0];
    }
}
