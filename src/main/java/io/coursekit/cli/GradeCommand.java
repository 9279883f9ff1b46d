package io.coursekit.cli;

import io.coursekit.grader.GradeReport;
import io.coursekit.grader.Grader;
import io.coursekit.grader.Sandbox;
import io.coursekit.lab.Lab;
import io.coursekit.grader.Submission;
import io.coursekit.grader.LabCache;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RunningRedis;
import io.coursekit.report.ReportFolder;
import io.coursekit.report.TerminalSummary;
import io.coursekit.report.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Grade one submission of a lab: compile its .java files in a sandbox, run them in JVMs of their own "
                        + "in sandboxes (bubblewrap) against a real Redis, judge them with the lab's checks in another "
                        + "JVM, and write results.json (Gradescope), report.html and junit.xml.",
                "",
                "Without bubblewrap (macOS, or no user namespaces) the submission runs unsandboxed, with your own "
                        + "rights: fine for your own work; one warning line says so.",
                "",
                "The Redis is emptied (FLUSHALL) before every check: never point --redis at data you want to keep.",
                ""},
        footer = {"",
                "Exit status: 0 whenever a report was written, whatever the score; 1 when nothing could be graded "
                        + "(unknown lab, unreadable or unsafe zip, no Redis).",
                "",
                "Example:",
                "  coursekit grade --lab cache-aside --lang en alice.zip"})
final class GradeCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Mixin
    RedisOptions redisOption;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the reports (default: reports/<submission name>).")
    Path out;

    @Mixin
    ReportLanguage reportLanguage;

    @Parameters(paramLabel = "SUBMISSION", description = "The submission: a folder or a .zip holding .java files.")
    Path submission;

    @Override
    public Integer call() {
        Lab pack = lab.lab();
        Wording wording = reportLanguage.wording();
        Sandbox sandbox = Sandbox.detect();
        sandbox.missing().ifPresent(why -> System.err.println("warning: no sandbox (" + why + "): the submission runs "
                + "with your own rights; results.json says \"sandbox\": \"none\""));
        try (Submission handedIn = Submission.open(submission);
             RunningRedis redis = new RedisLauncher(System.getenv()).start(redisOption.mode());
             Grader grader = new Grader(LabCache.forThisUser(), redis.access(), sandbox)) {
            GradeReport report = grader.grade(pack, handedIn);
            Path dir = out != null ? out : Path.of("reports", handedIn.name());
            ReportFolder.write(report, wording, dir);
            System.out.print(TerminalSummary.text(report, wording, dir.toString()));
        }
        return 0;
    }
}
