package io.coursekit.site;

import io.coursekit.testing.CommandRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each broken input fails the build with one clear file:line line per problem, no stack trace, a non-zero exit. */
class BuildErrorsTest {
    @TempDir
    Path dir;
    Path content;
    Path day;

    @BeforeEach
    void smallCourse() throws IOException {
        content = dir.resolve("content");
        day = Files.createDirectories(content.resolve("week_01/day1"));
        Files.writeString(content.resolve("course.yaml"), "title: 테스트 코스\nlanguage: ko\nweeks:\n  - week_01\n");
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n| 시간 | 내용 |\n|---|---|\n| 09:00 | [세션](./session_1.md) |\n");
        Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n## 🎯 학습 목표\n\n본문\n");
    }

    @Test
    void aBrokenLinkNamesItsFileAndLine() throws IOException {
        Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n본문\n\n다음: [랩](./lab_9.md)\n");
        CommandRun run = build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                day.resolve("session_1.md") + ":5: broken link ./lab_9.md: no such page",
                "build failed: 1 problem");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void aBrokenAnchorNamesTheHeadingThatIsMissing() throws IOException {
        Files.writeString(day.resolve("README.md"), """
                # Day 1

                | 시간 | 내용 |
                |---|---|
                | 09:00 | [목표](./session_1.md#학습-목표) |
                | 10:00 | [목표](./session_1.md#-학습-목표) |

                [위로](#day-2)
                """);
        CommandRun run = build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                day.resolve("README.md") + ":5: broken anchor ./session_1.md#학습-목표: week_01/day1/session_1.md has no heading"
                        + " with id '학습-목표'; did you mean #-학습-목표?",
                day.resolve("README.md") + ":8: broken anchor #day-2: week_01/day1/README.md has no heading with id 'day-2';"
                        + " did you mean #day-1?",
                "build failed: 2 problems");
    }

    @Test
    void noStrictOnlyWarnsAndStillWritesTheSite() throws IOException {
        Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n![그림](./images/missing.png)\n");
        CommandRun run = build("--no-strict");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: " + day.resolve("session_1.md") + ":3: broken link ./images/missing.png: no such file");
        assertThat(dir.resolve("site/week_01/day1/session_1.html")).exists();
    }

    @Test
    void anUnreadableCourseYamlPointsAtTheLine() throws IOException {
        Files.writeString(content.resolve("course.yaml"), "title: 테스트\nlanguage: ko\nweeks: [week_01\ndescription: 닫히지 않은 목록\n");
        CommandRun run = build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines()[0]).startsWith(content.resolve("course.yaml") + ":4: invalid YAML");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMisspelledCourseYamlKeyIsNamed() throws IOException {
        Files.writeString(content.resolve("course.yaml"), "title: 테스트\nlangauge: ko\n");
        CommandRun run = build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()[0]).startsWith(content.resolve("course.yaml") + ":2: unknown key 'langauge'");
    }

    @Test
    void aMissingWeekFolderIsReportedAtItsLine() throws IOException {
        Files.writeString(content.resolve("course.yaml"), "title: 테스트\nweeks:\n  - week_01\n  - week_02\n");
        CommandRun run = build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()[0]).startsWith(content.resolve("course.yaml") + ":4: week folder 'week_02' does not exist");
    }

    @Test
    void aMarkdownFileThatIsNotUtf8IsRefusedAtTheLine() throws IOException {
        Files.write(day.resolve("session_1.md"), "# 세션\n\n캐시 전략\n".getBytes(Charset.forName("EUC-KR")));
        CommandRun run = build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines()[0]).startsWith(day.resolve("session_1.md") + ":1: not valid UTF-8 (byte 0xBC");
        assertThat(run.errLines()[1]).isEqualTo("build failed: 1 problem");
    }

    @Test
    void aMissingContentFolderIsOneLine() {
        CommandRun run = CommandRun.of("build", "--content", dir.resolve("nope").toString(), "--out", dir.resolve("site").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("content folder not found: " + dir.resolve("nope").toAbsolutePath());
    }

    @Test
    void aFolderNotMadeByCoursekitIsNeverEmptied() throws IOException {
        Path precious = Files.createDirectories(dir.resolve("site")).resolve("thesis.docx");
        Files.writeString(precious, "do not delete");
        CommandRun run = build();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("refusing to write into");
        assertThat(precious).hasContent("do not delete");
    }

    private CommandRun build(String... extra) {
        String[] args = {"build", "--content", content.toString(), "--out", dir.resolve("site").toString()};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CommandRun.of(all);
    }
}
