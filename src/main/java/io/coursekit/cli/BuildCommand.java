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
                "Render a folder of Markdown into a static website that works offline, from file:// or any web server.",
                "",
                "Every Markdown file becomes a page, except drafts and what course.yaml ignores; course.yaml is optional. "
                        + "A folder is a section and its README.md the section's page. Week and day folders and session, "
                        + "lab and challenge files sort by the bootcamp convention, everything else in natural order.",
                "Every link or anchor that points nowhere is one 'file:line: broken link ...' line, with the nearest page "
                        + "or heading when there is one, and fails the build; --no-strict only warns.",
                "The new site is written beside the old one and swapped in whole, so a failed build changes nothing.",
                "Pricing blocks compute tables from content/pricing/*.yaml; rubric blocks show a lab's rubric from its lab.yaml.",
                "Mermaid blocks are drawn into inline SVG, a light and a dark picture, in this machine's headless Chromium "
                        + "(COURSEKIT_CHROMIUM=PATH picks one) and cached in ~/.cache/coursekit/diagrams. A diagram Mermaid "
                        + "cannot parse fails the build at its file:line. Without Chromium the reader's browser draws them."},
        footer = {"", "Examples:", "  java -jar target/coursekit.jar build --content content --out site",
                "  java -jar target/coursekit.jar build --content ~/git/cloud-bootcamp --out /tmp/bootcamp-site --no-strict"})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CourseSourceOptions course;

    @Option(names = "--out", defaultValue = "site", paramLabel = "DIR",
            description = "Where the site is written; emptied first if an earlier build made it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-strict", description = "Only warn about broken links, anchors, blocks and diagrams instead of failing; the site is written with them, "
                    + "and a page shows what is wrong in a box where the block was.")
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
                DrawingProgress.summary(diagrams));
        return 0;
    }
}
