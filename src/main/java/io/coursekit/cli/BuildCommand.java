package io.coursekit.cli;

import io.coursekit.site.BuildProblem;
import io.coursekit.site.SiteBuild;
import io.coursekit.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
                "Pricing blocks compute tables from content/pricing/*.yaml; rubric blocks show a lab's rubric from its lab.yaml."},
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

    @Option(names = "--no-strict", description = "Only warn about broken links, anchors and blocks instead of failing; the site is written with them.")
    boolean lenient;

    @Override
    public Integer call() {
        SiteBuild build = new SiteBuilder(course.sources(), out, !lenient).build();
        for (BuildProblem warning : build.warnings()) {
            spec.commandLine().getErr().println("warning: " + warning.getMessage());
        }
        spec.commandLine().getOut().printf("built %d pages into %s in %d ms%n", build.pages(), build.out(), build.millis());
        return 0;
    }
}
