package io.coursekit.portal;

import io.coursekit.UserError;
import io.coursekit.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the portal reads before it starts: the roster, its rules, and the tokens it issues from them. */
class PortalSetupTest {
    @TempDir
    Path dir;

    @Test
    void aRosterHasAStudentColumnAndOptionallyNameEmailAndSection() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.csv"), "\uFEFFStudent,Name,email,Section\n"
                + "kim.minsu,김민수,minsu@example.edu,A\n\nlee,\"Lee, Jiwon\",,B\n");

        assertThat(Roster.read(roster)).containsExactly(new Student("kim.minsu", "김민수", "minsu@example.edu", "A", ""),
                new Student("lee", "Lee, Jiwon", "", "B", ""));
    }

    @Test
    void canvasGradebookExportsAreRostersAsTheyAre() throws Exception {
        Path roster = Files.writeString(dir.resolve("canvas.csv"), "Student,ID,SIS User ID,SIS Login ID,Section,Lab 2 (77)\n"
                + "    Points Possible,,,,,100\n\"Kim, Minsu\",1001,2026001,kimminsu,Section A,\n\"Student, Test\",9,,,,\n");

        assertThat(Roster.read(roster)).containsExactly(new Student("kimminsu", "Kim, Minsu", "", "Section A", "1001"));
    }

    @Test
    void aBadRosterIsOneMessageWithItsLine() throws Exception {
        Path noColumn = Files.writeString(dir.resolve("a.csv"), "name,email\nKim,k@x\n");
        Path twice = Files.writeString(dir.resolve("b.csv"), "student\nalice\nbob\nalice\n");
        Path slash = Files.writeString(dir.resolve("c.csv"), "student\n../etc\n");

        assertThatThrownBy(() -> Roster.read(noColumn)).isInstanceOf(UserError.class)
                .hasMessage(noColumn + ":1: the roster has no 'student' column (nor Canvas's 'ID' and 'SIS Login ID'); "
                        + "its columns: name, email");
        assertThatThrownBy(() -> Roster.read(twice)).hasMessage(twice + ":4: student 'alice' is already on line 2");
        assertThatThrownBy(() -> Roster.read(slash)).hasMessageStartingWith(slash + ":2: student id '../etc' must be");
    }

    @Test
    void portalYamlGivesTheRulesAndAWrongValueNamesItsLine() throws Exception {
        Path good = Files.writeString(dir.resolve("portal.yaml"), """
                due: 2026-12-01T23:59:00+09:00
                late: {hours: 48, penalty_percent: 20}
                rate_limit: {submissions: 3, minutes: 30}
                limits: {upload_kib: 512, files: 50}
                score_policy: last
                """);
        Path badDate = Files.writeString(dir.resolve("bad-date.yaml"), "score_policy: best\ndue: next friday\n");
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "late:\n  hours: 2\n  penalty: 10\n");
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "score_policy: first\n");

        PortalRules rules = PortalRules.read(good);
        assertThat(rules.due()).contains(Instant.parse("2026-12-01T14:59:00Z"));
        assertThat(rules.closesAt()).contains(Instant.parse("2026-12-03T14:59:00Z"));
        assertThat(rules.latePenalty()).isEqualTo(20);
        assertThat(rules.penalized(105, true)).isEqualTo(84);
        assertThat(rules.penalized(105, false)).isEqualTo(105);
        assertThat(rules.rateLimit()).isEqualTo(3);
        assertThat(rules.ratePeriod()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rules.uploadBytes()).isEqualTo(512 * 1024);
        assertThat(rules.sourceFiles()).isEqualTo(50);
        assertThat(rules.scorePolicy()).isEqualTo(ScorePolicy.LAST);
        assertThatThrownBy(() -> PortalRules.read(badDate)).isInstanceOf(UserError.class)
                .hasMessage(badDate + ":2: due 'next friday' must be a date and time with its offset, such as 2026-12-01T23:59:00+09:00");
        assertThatThrownBy(() -> PortalRules.read(unknown))
                .hasMessage(unknown + ":3: unknown key 'penalty' in 'late' (known keys: hours, penalty_percent)");
        assertThatThrownBy(() -> PortalRules.read(policy)).hasMessage(policy + ":1: score_policy 'first' must be last or best");
    }

    @Test
    void tokensAreIssuedOnceAndPrintedAgainAsTheyWere() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.csv"), "student\nalice\nbob\n");
        String[] args = {"portal", "tokens", "--lab", "cache-aside", "--labs-dir", PortalFixture.LABS.toString(),
                "--roster", roster.toString(), "--data", dir.resolve("data").toString(), "--url", "https://lab.example.edu"};

        CommandRun first = CommandRun.of(args);
        Files.writeString(roster, "student\nalice\nbob\ncarol\n");
        CommandRun second = CommandRun.of(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> lines = first.out().lines().toList();
        assertThat(lines).hasSize(3).first().isEqualTo("student,token,link");
        assertThat(lines.get(1)).matches("alice,([A-Za-z0-9_-]{32}),https://lab\\.example\\.edu/signin\\?token=\\1");
        assertThat(second.out().lines().toList()).hasSize(4).startsWith(lines.toArray(String[]::new));
        assertThat(CommandRun.of("portal", "tokens", "--lab", "cache-aside", "--labs-dir", PortalFixture.LABS.toString(),
                "--roster", dir.resolve("missing.csv").toString(), "--data", dir.resolve("data").toString()).err())
                .contains("missing.csv: cannot read the roster").doesNotContain("Exception");
    }

    @Test
    void aWorkerNeverGradesWithTheQueuesRedisWhichEveryCheckEmpties() {
        CommandRun run = CommandRun.of("worker", "--queue", "redis://127.0.0.1:6390", "--redis", "uri:redis://127.0.0.1:6390");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is the queue's Redis, and every check empties the Redis it grades with")
                .doesNotContain("Exception");
    }
}
