package io.coursekit.cli;

import io.coursekit.site.GeneratedCourse;
import io.coursekit.site.SiteFolderSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time cold builds of a generated course shaped like a real Korean bootcamp repository, against Hugo.",
                "",
                "The course has no course.yaml, week and day folders, a supplement week without READMEs, guide/, "
                        + "special_lecture/, extra files, folder links and 40 KB pages with tables, code and Mermaid.",
                "Each run starts 'java -jar coursekit.jar build' afresh, JVM start included, and then Hugo on the same "
                        + "folder when 'hugo' is installed, turn about, so both meet the same machine load.",
                "It also reports the search index's size against the site's HTML."},
        footer = {"", "Examples:", "  java -jar target/coursekit.jar bench build",
                "  java -jar target/coursekit.jar bench build --files 700 --runs 3"})
final class BenchBuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--files", defaultValue = "359", description = "Markdown files in the generated course (default: ${DEFAULT-VALUE}, the real repository's size).")
    int files;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs of each, after one warm-up of the disk cache (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path jar = OneShotJvm.jar();
        if (jar == null) {
            throw new io.coursekit.UserError("bench build times the packaged jar: run it as java -jar target/coursekit.jar bench build");
        }
        Path work = Files.createTempDirectory("coursekit-bench");
        try {
            Path content = GeneratedCourse.write(work.resolve("content"), files);
            long bytes;
            try (Stream<Path> all = Files.walk(content)) {
                bytes = all.filter(f -> f.toString().endsWith(".md")).mapToLong(f -> f.toFile().length()).sum();
            }
            out.printf("generated %d Markdown files (%.1f MB) in %s%n", files, bytes / 1e6, content);
            Optional<HugoBaseline> hugo = HugoBaseline.prepare(work, content);
            List<String> coursekit = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "build", "--content", content.toString(), "--out", work.resolve("site").toString());
            long[] ours = new long[runs];
            long[] theirs = new long[runs];
            for (int i = -1; i < runs; i++) {
                long t = time(coursekit);
                long h = hugo.isPresent() ? time(hugo.get().command(work.resolve("hugo-public"))) : 0;
                if (i >= 0) {
                    ours[i] = t;
                    theirs[i] = h;
                }
            }
            double coursekitMs = median(ours) / 1e6;
            out.printf("coursekit    : median %.0f ms wall over %d cold runs (%s ms), JVM start included%n", coursekitMs, runs, millis(ours));
            if (hugo.isPresent()) {
                double hugoMs = median(theirs) / 1e6;
                out.printf("hugo         : median %.0f ms wall (%s ms), same course, same runs%n", hugoMs, millis(theirs));
                double[] paired = new double[runs];
                for (int i = 0; i < runs; i++) {
                    paired[i] = (double) ours[i] / theirs[i];
                }
                Arrays.sort(paired);
                out.printf("ratio        : coursekit takes %.2fx Hugo's median wall time; run by run (each pair met the same load)"
                        + " %.2fx, from %.2fx to %.2fx%n", coursekitMs / hugoMs, paired[runs / 2], paired[0], paired[runs - 1]);
            } else {
                out.println("hugo         : not installed (apt-get install hugo), no baseline");
            }
            SiteFolderSizes sizes = SiteFolderSizes.of(work.resolve("site"));
            out.printf("search index : %.1f MB against %.1f MB of HTML (%.0f%%), loaded when the reader first searches%n",
                    sizes.searchIndex() / 1e6, sizes.html() / 1e6, 100.0 * sizes.searchIndex() / sizes.html());
            return 0;
        } finally {
            io.coursekit.site.SiteFolder.deleteTree(work);
        }
    }

    private static long time(List<String> command) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new io.coursekit.UserError("bench build: " + String.join(" ", command) + " exited with " + exit);
        }
        return System.nanoTime() - started;
    }

    private static String millis(long[] runs) {
        return String.join(", ", Arrays.stream(runs).mapToObj(n -> String.valueOf(n / 1_000_000)).toList());
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
