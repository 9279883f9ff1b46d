package io.coursekit.cli;

import io.coursekit.UserError;
import io.coursekit.batch.ClassEndpoints;
import io.coursekit.batch.ClassGrading;
import io.coursekit.grader.LabCache;
import io.coursekit.grader.Sandbox;
import io.coursekit.batch.EndpointRoster;
import io.coursekit.batch.GradebookFolder;
import io.coursekit.batch.Progress;
import io.coursekit.batch.Roster;
import io.coursekit.batch.Shard;
import io.coursekit.endpoint.StudentEndpoint;
import io.coursekit.lab.Lab;
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
import java.util.function.Function;

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
                "  java -jar coursekit.jar batch --lab cache-aside --out shard-1 --shard 1/3 submissions/",
                "  java -jar coursekit.jar batch --lab cache-aside --out endpoints --endpoints endpoints.csv"})
final class BatchCommand implements Callable<Integer> {
    /** Endpoint checks mostly wait on the network, so more run at once than there are cores. */
    private static final int ENDPOINTS_AT_ONCE = 8;

    @Mixin
    LabOptions lab;

    @Mixin
    RedisOptions redisOption;

    @Mixin
    SandboxOptions sandboxOption;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the reports and the gradebook.")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once, each with its own Redis "
            + "(default: the number of cores); with --endpoints, endpoints checked at once (default: 8).")
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

    @Option(names = "--endpoints", paramLabel = "FILE",
            description = "Instead of submissions, check each student's deployed endpoint by the lab's endpoint: rubric. "
                    + "FILE is a CSV with the header student,uri,password_env (and optionally user); password_env names "
                    + "the environment variable holding that student's password, never the password itself.")
    Path endpoints;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "With --endpoints: PEM file of CA certificates to trust for rediss://, besides the JVM's own.")
    Path caFile;

    @Parameters(paramLabel = "SUBMISSIONS", arity = "0..1",
            description = "A folder holding a folder or .zip per student, or a .zip of them.")
    Path submissions;

    @Override
    public Integer call() {
        if ((submissions == null) == (endpoints == null)) {
            throw new UserError("give either SUBMISSIONS (a folder or .zip of them) or --endpoints FILE, not "
                    + (submissions == null ? "neither" : "both"));
        }
        if (caFile != null && endpoints == null) {
            throw new UserError("--ca-file " + caFile + ": only used with --endpoints");
        }
        Lab pack = lab.lab();
        Wording wording = reportLanguage.wording();
        Gradebook.Format columns = Gradebook.Format.named(format);
        Shard part = shard == null ? Shard.WHOLE : Shard.parse(shard);
        GradebookFolder folder = new GradebookFolder(out);
        List<StudentGrade> rows = endpoints != null ? checkEndpoints(pack, wording, part, folder)
                : gradeSubmissions(pack, wording, part, folder);
        ClassReport.write(rows, columns, wording, out);
        long refused = rows.stream().filter(g -> !g.graded()).count();
        System.out.println("gradebook: " + out.resolve(ClassReport.GRADEBOOK_CSV) + " (" + rows.size() + " students"
                + (refused == 0 ? "" : ", " + refused + " not graded") + "); summary: "
                + out.resolve(ClassReport.SUMMARY_HTML));
        return 0;
    }

    private List<StudentGrade> gradeSubmissions(Lab pack, Wording wording, Shard part, GradebookFolder folder) {
        RedisMode redis = redisOption.mode();
        Sandbox sandbox = sandboxOption.forClass();
        int workers = workers(redis);
        try (Roster roster = Roster.read(submissions, Optional.ofNullable(idPattern), out)) {
            System.out.println("student ids (name → id):");
            System.out.print(roster.mapping());
            Resume<Roster.Entry> resume = resume(part, roster.entries(), Roster.Entry::student, folder);
            System.out.println("grading " + resume.todo.size() + " with " + Math.min(workers, Math.max(1, resume.todo.size()))
                    + " worker(s)");
            Progress progress = new Progress(System.out, System.console() != null, resume.todo.size());
            resume.rows.addAll(new ClassGrading(pack, new RedisLauncher(System.getenv()), redis, LabCache.forThisUser(), sandbox, wording,
                    folder)
                    .grade(resume.todo, workers, resume.previous, progress));
            progress.finished();
            return resume.rows;
        }
    }

    private List<StudentGrade> checkEndpoints(Lab pack, Wording wording, Shard part, GradebookFolder folder) {
        if (pack.endpoint().isEmpty()) {
            throw new UserError(pack.dir().resolve("lab.yaml") + ": lab " + pack.id()
                    + " has no endpoint: section, so it has no endpoint checks");
        }
        Resume<EndpointRoster.Row> resume = resume(part, EndpointRoster.read(endpoints), EndpointRoster.Row::student, folder);
        int workers = jobs != null ? positive(jobs) : ENDPOINTS_AT_ONCE;
        System.out.println("checking " + resume.todo.size() + " endpoint(s), " + Math.min(workers, Math.max(1, resume.todo.size()))
                + " at a time");
        Progress progress = new Progress(System.out, System.console() != null, resume.todo.size());
        resume.rows.addAll(new ClassEndpoints(pack, wording, folder,
                Optional.ofNullable(caFile).map(StudentEndpoint::caFile), System::getenv)
                .grade(resume.todo, workers, resume.previous, progress));
        progress.finished();
        return resume.rows;
    }

    /** Students of this shard already graded in DIR (kept unless --regrade) and those still to grade. */
    private <T> Resume<T> resume(Shard part, List<T> students, Function<T, String> student, GradebookFolder folder) {
        List<T> mine = part.of(students);
        if (part.count() > 1) {
            System.out.println("shard " + part + ": " + mine.size() + " of " + students.size() + " students");
        }
        Resume<T> resume = new Resume<>(new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        for (T entry : mine) {
            Optional<StudentGrade> done = folder.graded(student.apply(entry));
            if (done.isPresent() && !regrade) {
                resume.rows.add(done.get());
            } else {
                resume.todo.add(entry);
                done.ifPresent(g -> resume.previous.put(student.apply(entry), g.score()));
            }
        }
        if (regrade) {
            folder.keepHistory().ifPresent(kept -> System.out.println("previous results kept in " + kept));
        } else if (!resume.rows.isEmpty()) {
            System.out.println("already graded in " + out + ": " + resume.rows.size() + " (kept; --regrade grades them again)");
        }
        return resume;
    }

    private record Resume<T>(List<StudentGrade> rows, List<T> todo, Map<String, Integer> previous) {
    }

    /** One worker per core unless told; a given Redis is shared, so it takes one worker to keep students apart. */
    private int workers(RedisMode redis) {
        int wanted = jobs != null ? positive(jobs) : Runtime.getRuntime().availableProcessors();
        String url = System.getenv("REDIS_URL");
        boolean shared = redis instanceof RedisMode.Uri || redis instanceof RedisMode.Auto && url != null && !url.isBlank();
        if (shared && wanted > 1) {
            System.out.println("one worker: every check empties Redis, and the Redis given (--redis uri: or REDIS_URL) "
                    + "would be shared by the workers");
            return 1;
        }
        return wanted;
    }

    private static int positive(int jobs) {
        if (jobs < 1) {
            throw new UserError("--jobs " + jobs + ": needs at least 1");
        }
        return jobs;
    }
}
