package io.coursekit.cli;

import io.coursekit.site.BuildProblem;
import io.coursekit.site.SiteBuild;
import io.coursekit.site.SiteBuilder;
import io.coursekit.site.diagrams.MermaidDiagrams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Render a course folder into a static website that works offline, from file:// or any web server.",
                "",
                "Pages follow the folder convention week_NN/dayN/{README,session_N,lab_N,challenge_N}.md;",
                "course.yaml gives the title, the UI language (ko|en) and the order of weeks.",
                "Every broken link or anchor fails the build with one 'file:line: broken link ...' line.",
                "```pricing blocks compute tables from content/pricing/*.yaml; ```rubric blocks show a lab's rubric from its lab.yaml.",
                "```mermaid blocks are drawn into inline SVG (light and dark) in this machine's headless Chromium",
                "(COURSEKIT_CHROMIUM=PATH picks one), cached in ~/.cache/coursekit/diagrams; a diagram Mermaid cannot",
                "parse fails the build at its file:line. Without Chromium the reader's browser draws them instead."},
        footer = {"", "Example:", "  java -jar target/coursekit.jar build --content content --out site"})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CourseSourceOptions course;

    @Option(names = "--out", defaultValue = "site", paramLabel = "DIR",
            description = "Where the site is written; emptied first if an earlier build made it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-strict", description = "Only warn about broken links, anchors and diagrams instead of failing; the page shows Mermaid's message.")
    boolean lenient;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        MermaidDiagrams diagrams = MermaidDiagrams.standard(new DrawingProgress(err, System.console() != null));
        SiteBuild build = new SiteBuilder(course.sources(), out, !lenient, diagrams).build();
        for (BuildProblem warning : build.warnings()) {
            err.println("warning: " + warning.getMessage());
        }
        spec.commandLine().getOut().printf("built %d pages into %s in %d ms%s%n", build.pages(), build.out(), build.millis(),
                DrawingProgress.summary(diagrams.tally()));
        return 0;
    }
}
