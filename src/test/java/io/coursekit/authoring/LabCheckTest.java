package io.coursekit.authoring;

import io.coursekit.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab new} makes a pack that {@code lab check} passes, and {@code lab check} finds each thing broken in a pack
 * at its file and line, all of them in one run, and exits 1.
 */
class LabCheckTest {
    private static final String PACKAGE_PATH = "lab/visits";

    @Test
    void aNewPackPassesAndABrokenSampleOrReferenceIsNamedAtItsLine(@TempDir Path labs) throws IOException {
        CommandRun made = CommandRun.of("lab", "new", "--labs-dir", labs.toString(), "visits");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("wrote " + labs.resolve("visits/lab.yaml"));

        CommandRun passes = CommandRun.of("lab", "check", labs.resolve("visits").toString());
        assertThat(passes.exitCode()).as(passes.out() + passes.err()).isZero();
        assertThat(passes.out()).contains("no problems", "2 graded");

        Path pack = labs.resolve("visits");
        Path expected = pack.resolve("samples/expected.yaml");
        replace(expected, "  score: 10\n  failing: [shared-across-servers]", "  score: 20\n  failing: []");
        replace(pack.resolve("reference/" + PACKAGE_PATH + "/RedisVisitCounter.java"), "return count == null ? 0 : Long.parseLong(count);",
                "return 0;");
        Files.createDirectories(pack.resolve("samples/unlisted"));
        Files.copy(pack.resolve("reference/" + PACKAGE_PATH + "/RedisVisitCounter.java"),
                pack.resolve("samples/unlisted/RedisVisitCounter.java"));

        CommandRun fails = CommandRun.of("lab", "check", pack.toString());

        assertThat(fails.exitCode()).isEqualTo(1);
        assertThat(problems(fails)).containsExactly(
                pack.resolve("reference") + ": the reference scores 0 of 20 (extra credit included): visit-counts "
                        + "(visits(\"home\") after three visits returned 0, expected 3); shared-across-servers (after "
                        + "one visit on the first server, visits(\"home\") on the second returned 0, expected 1; keys "
                        + "in Redis: [visits:home])",
                expected + ":" + lineOf(expected, "local-count:") + ": sample 'local-count' scores 10, failing "
                        + "[shared-across-servers], not 20 failing []: shared-across-servers (after one visit on the "
                        + "first server, visits(\"home\") on the second returned 0, expected 1; keys in Redis: [])",
                pack.resolve("samples/unlisted") + ": no entry in " + expected
                        + ": say what this sample scores and which checks it fails");
        assertThat(fails.out()).contains("3 problems; 2 graded");
    }

    @Test
    void everyProblemOfABrokenPackIsAtItsFileAndLine(@TempDir Path labs) throws IOException {
        assertThat(CommandRun.of("lab", "new", "--labs-dir", labs.toString(), "visits").exitCode()).isZero();
        Path pack = labs.resolve("visits");
        Path yaml = pack.resolve("lab.yaml");
        replace(yaml, "      ko: \"visit를 세 번 부른 뒤 visits는 3이어야 합니다. Redis의 visits:{page} 키에 INCR 하세요.\"",
                "      ko: \"call visit three times\"");
        Files.writeString(yaml, """
                  - id: forgotten
                    points: 5
                    visibility: visible
                    timeout_seconds: 5
                    hint:
                      ko: "잊힌 체크입니다."
                      en: "A forgotten check."
                """, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path checks = pack.resolve("checks/" + PACKAGE_PATH + "/checks/VisitsChecks.java");
        replace(checks, "    @RubricCheck(\"shared-across-servers\")", """
                    @RubricCheck("no-such-check")
                    void strayCheck() {
                    }

                    @RubricCheck("shared-across-servers")""");
        Path skeleton = pack.resolve("starter/src/main/java/" + PACKAGE_PATH + "/RedisVisitCounter.java");
        replace(skeleton, "throw new UnsupportedOperationException(\"TODO\");\n    }\n\n    @Override\n    public long visits",
                "return \"one\";\n    }\n\n    @Override\n    public long visits");
        Path apiCopy = pack.resolve("starter/src/main/java/" + PACKAGE_PATH + "/VisitCounter.java");
        replace(apiCopy, "    long visits(String page);", "    long visits(String page);\n\n    void reset();");
        Path expected = pack.resolve("samples/expected.yaml");
        Files.writeString(expected, "\nno-such-sample: {score: 20, failing: []}\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        replace(expected, "  score: 10\n", "  score: 12\n");

        CommandRun run = CommandRun.of("lab", "check", pack.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problems(run)).containsExactlyInAnyOrder(
                checks + ":" + lineOf(checks, "@RubricCheck(\"no-such-check\")") + ": @RubricCheck(\"no-such-check\") "
                        + "names no check of " + yaml + " (its checks: visit-counts, shared-across-servers, forgotten)",
                yaml + ":" + lineOf(yaml, "ko: \"call visit three times\"")
                        + ": the ko hint of check 'visit-counts' is not in Korean: \"call visit three times\"",
                yaml + ":" + lineOf(yaml, "- id: forgotten") + ": check 'forgotten' has no @RubricCheck(\"forgotten\") "
                        + "method in " + pack.resolve("checks"),
                expected + ":" + lineOf(expected, "  score: 12") + ": sample 'local-count' fails [shared-across-servers], "
                        + "which leaves 15 points, not 12",
                expected + ":" + lineOf(expected, "no-such-sample:") + ": sample 'no-such-sample' has no folder "
                        + pack.resolve("samples/no-such-sample"),
                apiCopy + ":" + (lineOf(apiCopy, "void reset();") - 1) + ": differs from " + pack.resolve("api/" + PACKAGE_PATH
                        + "/VisitCounter.java") + ": students would code against another API than the grader's",
                skeleton + ":" + lineOf(skeleton, "return \"one\";") + ": the starter does not compile: incompatible "
                        + "types: java.lang.String cannot be converted to long",
                skeleton + ":" + lineOf(skeleton, "public class RedisVisitCounter") + ": the starter does not compile: "
                        + "lab.visits.RedisVisitCounter is not abstract and does not override abstract method reset() in "
                        + "lab.visits.VisitCounter");
        assertThat(run.out()).contains("the reference and samples were not graded");
    }

    @Test
    void aHintMissingInOneLanguageIsOneProblemAndTheRestOfTheRubricIsStillReviewed(@TempDir Path labs) throws IOException {
        assertThat(CommandRun.of("lab", "new", "--labs-dir", labs.toString(), "visits").exitCode()).isZero();
        Path pack = labs.resolve("visits");
        Path yaml = pack.resolve("lab.yaml");
        replace(yaml, "      en: \"An instance on another server does not see the count: keep it in Redis, not in a field.\"\n", "");
        replace(yaml, "  - id: visit-counts", "  - id: visit-count");

        CommandRun run = CommandRun.of("lab", "check", pack.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        Path checks = pack.resolve("checks/" + PACKAGE_PATH + "/checks/VisitsChecks.java");
        assertThat(problems(run)).containsExactlyInAnyOrder(
                yaml + ":" + lineOf(yaml, "ko: \"다른 서버의") + ": check 'shared-across-servers' has no English hint (en:)",
                yaml + ":" + lineOf(yaml, "- id: visit-count") + ": check 'visit-count' has no @RubricCheck(\"visit-count\") "
                        + "method in " + pack.resolve("checks"),
                checks + ":" + lineOf(checks, "@RubricCheck(\"visit-counts\")") + ": @RubricCheck(\"visit-counts\") names "
                        + "no check of " + yaml + " (its checks: visit-count, shared-across-servers)");
    }

    @Test
    void newRefusesAnIdThatIsNoLabIdAndAPackThatExists(@TempDir Path labs) {
        CommandRun badId = CommandRun.of("lab", "new", "--labs-dir", labs.toString(), "Write_Behind");
        assertThat(badId.exitCode()).isEqualTo(1);
        assertThat(badId.err()).contains("lab id 'Write_Behind' must be lower-case words joined by '-'");
        assertThat(CommandRun.of("lab", "new", "--labs-dir", labs.toString(), "visits").exitCode()).isZero();
        CommandRun again = CommandRun.of("lab", "new", "--labs-dir", labs.toString(), "visits");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains(labs.resolve("visits") + " already exists");
    }

    @Test
    void helpOfBothCommandsIsWholeSentencesWithAnExample() {
        for (String command : List.of("check", "new")) {
            CommandRun help = CommandRun.of("lab", command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Example:", "  java -jar target/coursekit.jar lab " + command + " ");
            List<String> lines = help.out().lines().toList();
            int start = 1;
            while (lines.get(start).startsWith(" ")) {
                start++;
            }
            StringBuilder description = new StringBuilder();
            for (int i = start; i < lines.size() && !lines.get(i).startsWith(" "); i++) {
                description.append(lines.get(i)).append('\n');
            }
            for (String paragraph : description.toString().strip().split("\\R\\s*\\R")) {
                assertThat(paragraph.strip()).as("lab %s --help", command).endsWith(".");
            }
        }
        assertThat(CommandRun.of("--help").out()).contains("lab       Write lab packs: check a pack before students meet it");
    }

    private static List<String> problems(CommandRun run) {
        return run.out().lines().filter(line -> line.startsWith("/")).filter(line -> !line.contains(": no problems")
                && !line.matches(".*: \\d+ problems?; .*")).toList();
    }

    private static void replace(Path file, String what, String with) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).contains(what);
        Files.writeString(file, text.replace(what, with), StandardCharsets.UTF_8);
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }
}
