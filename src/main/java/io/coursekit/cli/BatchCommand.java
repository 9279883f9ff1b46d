package io.coursekit.cli;

import io.coursekit.UserError;
import io.coursekit.batch.ClassGrading;
import io.coursekit.batch.GradebookFolder;
import io.coursekit.batch.Progress;
import io.coursekit.batch.Roster;
import io.coursekit.batch.Shard;
import io.coursekit.grader.Lab;
import io.coursekit.redis.RedisLauncher;
import io.coursekit.redis.RedisMode;
import io.coursekit.report.ClassReport;
import io.coursekit.report.Gradebook;
import io.coursekit.report.StudentGrade;
import io.coursekit.report.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Grade a whole class in parallel: every folder or .zip in SUBMISSIONS (or in SUBMISSIONS.zip) is one "
                        + "student. Writes DIR/<student>/ (the reports 'grade' writes), DIR/gradebook.csv, "
                        + "DIR/results.jsonl and DIR/summary.html.",
                "",
                "Student ids come from the names: Canvas (lastnamefirstname_<userid>_<submissionid>_<file>), Moodle "
                        + "(<Full Name>_<id>_assignsubmission_file_) and GitHub Classroom (<assignment>-<user>) "
                        + "decorations are stripped; the mapping is printed. Two submissions with one id are an error.",
                "",
                "Run the same command again after a crash or Ctrl-C: students already graded are kept, the rest are "
                        + "graded. Each worker has its own Redis, emptied before every check.",
                ""},
        footer = {"",
                "Exit status: 0 when every student has a row (a refused zip is a row of zeros with the reason); "
                        + "1 when the batch could not run (unknown lab, no Redis, unreadable folder).",
                "",
                "Examples:",
                "  java -jar coursekit.jar batch --lab cache-aside --out graded submissions/",
                "  java -jar coursekit.jar batch --lab cache-aside --out graded --format canvas canvas-download.zip",
                "  java -jar coursekit.jar batch --lab cache-aside --out shard-1 --shard 1/3 submissions/"})
final class BatchCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Mixin
    RedisOptions redisOption;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the reports and the gradebook.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once, each with its own Redis "
            + "(default: the number of cores).")
    Integer jobs;

    @Mixin
    ReportLanguage reportLanguage;

    @Option(names = "--format", paramLabel = "default|canvas", defaultValue = "default",
            description = "gradebook.csv columns: student, score, max, a column per check; or Canvas's import columns.")
    String format;

    @Option(names = "--id-pattern", paramLabel = "REGEX",
            description = "Read student ids from submission names with this pattern: its first group is the id. "
                    + "Replaces the LMS rules, e.g. '^lab2-(.+)$'.")
    String idPattern;

    @Option(names = "--regrade", description = "Grade every student again, even those already graded; the previous "
            + "results.jsonl is kept in DIR/.history and summary.html shows each score change.")
    boolean regrade;

    @Option(names = "--shard", paramLabel = "i/N", description = "Grade only part i (from 0) of N of the class, for "
            + "several machines; join the parts with 'coursekit merge'.")
    String shard;

    @Parameters(paramLabel = "SUBMISSIONS", description = "A folder holding a folder or .zip per student, or a .zip of them.")
    Path submissions;

    @Override
    public Integer call() {
        Lab pack = lab.lab();
        Wording wording = reportLanguage.wording();
        Gradebook.Format columns = Gradebook.Format.named(format);
        Shard part = shard == null ? Shard.WHOLE : Shard.parse(shard);
        RedisMode redis = redisOption.mode();
        int workers = workers(redis);
        GradebookFolder folder = new GradebookFolder(out);
        try (Roster roster = Roster.read(submissions, Optional.ofNullable(idPattern), out)) {
            System.out.println("student ids (name → id):");
            System.out.print(roster.mapping());
            List<Roster.Entry> mine = part.of(roster.entries());
            if (part.count() > 1) {
                System.out.println("shard " + part + ": " + mine.size() + " of " + roster.entries().size() + " students");
            }
            List<StudentGrade> rows = new ArrayList<>();
            List<Roster.Entry> todo = new ArrayList<>();
            Map<String, Integer> previous = new HashMap<>();
            for (Roster.Entry entry : mine) {
                Optional<StudentGrade> done = folder.graded(entry.student());
                if (done.isPresent() && !regrade) {
                    rows.add(done.get());
                } else {
                    todo.add(entry);
                    done.ifPresent(g -> previous.put(entry.student(), g.score()));
                }
            }
            if (regrade) {
                folder.keepHistory().ifPresent(kept -> System.out.println("previous results kept in " + kept));
            } else if (!rows.isEmpty()) {
                System.out.println("already graded in " + out + ": " + rows.size() + " (kept; --regrade grades them again)");
            }
            System.out.println("grading " + todo.size() + " with " + Math.min(workers, Math.max(1, todo.size()))
                    + " worker(s)");
            Progress progress = new Progress(System.out, System.console() != null, todo.size());
            rows.addAll(new ClassGrading(pack, new RedisLauncher(System.getenv()), redis, wording, folder)
                    .grade(todo, workers, previous, progress));
            progress.finished();
            ClassReport.write(rows, columns, wording, out);
            long refused = rows.stream().filter(g -> !g.graded()).count();
            System.out.println("gradebook: " + out.resolve(ClassReport.GRADEBOOK_CSV) + " (" + rows.size() + " students"
                    + (refused == 0 ? "" : ", " + refused + " not graded") + "); summary: "
                    + out.resolve(ClassReport.SUMMARY_HTML));
        }
        return 0;
    }

    /** One worker per core unless told; a given Redis is shared, so it takes one worker to keep students apart. */
    private int workers(RedisMode redis) {
        int wanted = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (wanted < 1) {
            throw new UserError("--jobs " + wanted + ": needs at least 1");
        }
        String url = System.getenv("REDIS_URL");
        boolean shared = redis instanceof RedisMode.Uri || redis instanceof RedisMode.Auto && url != null && !url.isBlank();
        if (shared && wanted > 1) {
            System.out.println("one worker: every check empties Redis, and the Redis given (--redis uri: or REDIS_URL) "
                    + "would be shared by the workers");
            return 1;
        }
        return wanted;
    }
}
