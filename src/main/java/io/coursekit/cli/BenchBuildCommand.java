package io.coursekit.cli;

import io.coursekit.site.GeneratedCourse;
import io.coursekit.site.CourseSources;
import io.coursekit.site.SiteBuilder;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Time a full site build of a generated course (default 500 pages).",
                "Baseline, timed in the same run: plain commonmark-java HTML for the same files, one by one,",
                "without templates, navigation, link checks or assets: the least any Markdown site builder does."})
final class BenchBuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pages", defaultValue = "500", description = "Pages in the generated course (default: ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs after two warm-up runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("coursekit-bench");
        Path content = GeneratedCourse.write(work.resolve("content"), pages);
        List<Path> markdown;
        try (Stream<Path> files = Files.walk(content)) {
            markdown = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        out.printf("generated %d Markdown files in %s%n", markdown.size(), content);
        long[] build = new long[runs];
        long[] baseline = new long[runs];
        for (int i = -2; i < runs; i++) {
            long t0 = System.nanoTime();
            new SiteBuilder(CourseSources.of(content), work.resolve("site"), true).build();
            long t1 = System.nanoTime();
            plainCommonmark(markdown, work.resolve("plain"));
            long t2 = System.nanoTime();
            if (i >= 0) {
                build[i] = t1 - t0;
                baseline[i] = t2 - t1;
            }
        }
        double buildMs = median(build) / 1e6;
        double baselineMs = median(baseline) / 1e6;
        out.printf("full build   : median %.0f ms over %d runs = %.2f ms/page%n", buildMs, runs, buildMs / markdown.size());
        out.printf("baseline     : median %.0f ms = %.2f ms/page (plain commonmark-java, sequential, no site)%n",
                baselineMs, baselineMs / markdown.size());
        out.printf("ratio        : full build takes %.2fx the baseline%n", buildMs / baselineMs);
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return 0;
    }

    private static void plainCommonmark(List<Path> markdown, Path out) throws IOException {
        var extensions = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(extensions).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).build();
        Files.createDirectories(out);
        int n = 0;
        for (Path file : markdown) {
            Files.writeString(out.resolve((n++) + ".html"), renderer.render(parser.parse(Files.readString(file))));
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
