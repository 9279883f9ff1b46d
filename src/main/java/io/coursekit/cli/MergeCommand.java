package io.coursekit.cli;

import io.coursekit.UserError;
import io.coursekit.batch.GradebookFolder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join the --out folders of 'coursekit batch --shard i/N' runs into one gradebook.csv, "
                + "results.jsonl and summary.html, with every student's report folder copied in.", ""},
        footer = {"", "Example:",
                "  java -jar coursekit.jar merge shard-0 shard-1 shard-2 --out graded"})
final class MergeCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the joined class.")
    Path out;

    @Mixin
    ReportLanguage reportLanguage;

    @Option(names = "--format", paramLabel = "default|canvas", defaultValue = "default",
            description = "gradebook.csv columns, as for batch (default: ${DEFAULT-VALUE}).")
    String format;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "The --out folders of the shards.")
    List<Path> shards;

    @Override
    public Integer call() {
        Wording wording = reportLanguage.wording();
        Gradebook.Format columns = Gradebook.Format.named(format);
        Map<String, Path> from = new LinkedHashMap<>();
        List<StudentGrade> rows = new ArrayList<>();
        Set<String> labs = new TreeSet<>();
        for (Path shard : shards) {
            for (StudentGrade grade : ClassReport.read(shard)) {
                Path earlier = from.putIfAbsent(grade.student(), shard);
                if (earlier != null) {
                    throw new UserError("student " + grade.student() + " is in both " + earlier + " and " + shard
                            + ": were the shards run with the same --shard i/N?");
                }
                labs.add(grade.lab());
                rows.add(grade);
            }
        }
        if (labs.size() > 1) {
            throw new UserError("the shards graded different labs (" + String.join(", ", labs) + "); merge one lab at a time");
        }
        GradebookFolder joined = new GradebookFolder(out);
        from.forEach((student, shard) -> joined.copyStudent(new GradebookFolder(shard), student));
        ClassReport.write(rows, columns, wording, out);
        System.out.println("merged " + rows.size() + " students from " + shards.size() + " folders into "
                + out.resolve(ClassReport.GRADEBOOK_CSV));
        return 0;
    }
}
