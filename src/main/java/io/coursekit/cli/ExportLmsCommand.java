package io.coursekit.cli;

import io.coursekit.UserError;
import io.coursekit.site.diagrams.LmsExport;
import io.coursekit.site.diagrams.MermaidDiagrams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "lms", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Write the course as Markdown for an LMS that cannot draw Mermaid (Canvas, Moodle, Blackboard pages).",
                "",
                "Each mermaid block becomes an image link to a PNG (or SVG) drawn in headless Chromium and named by its "
                        + "content hash, in DIR/diagrams/; every other line and file is copied as it is.",
                "A diagram Mermaid cannot parse stops the export with its file:line. Drawn pictures are cached with the "
                        + "site's, so exporting again only draws the diagrams that changed.",
                "The export is written beside DIR and swapped in whole; DIR is replaced only when coursekit wrote it."},
        footer = {"", "Examples:",
                "  java -jar target/coursekit.jar export lms --out lms",
                "  java -jar target/coursekit.jar export lms --out lms --format svg --image-base https://files.example.edu/course/diagrams"})
final class ExportLmsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--content", defaultValue = "content", paramLabel = "DIR",
            description = "The course sources (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the Markdown and its pictures are written; replaced whole when an earlier export or build made it.")
    Path out;

    @Option(names = "--image-base", paramLabel = "URL",
            description = "Where the LMS will serve the pictures: links become URL/<file>. Without it each page links"
                    + " to DIR/diagrams/ by a relative path.")
    String imageBase;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png|svg",
            description = "Picture format: png (twice the diagram's size, white background) or svg (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        LmsExport.Format chosen = switch (format.toLowerCase()) {
            case "png" -> LmsExport.Format.PNG;
            case "svg" -> LmsExport.Format.SVG;
            default -> throw new UserError("--format must be png or svg, not " + format);
        };
        PrintWriter err = spec.commandLine().getErr();
        MermaidDiagrams diagrams = MermaidDiagrams.standard(new DrawingProgress(err, System.console() != null));
        LmsExport.Result result = new LmsExport(diagrams).export(content, out, Optional.ofNullable(imageBase), chosen);
        spec.commandLine().getOut().printf("exported %d Markdown files with %d diagrams (%d pictures in %s) and copied %d other files into %s%n",
                result.markdownFiles(), result.diagrams(), result.pictures(), out.resolve("diagrams"), result.copied(), out);
        return 0;
    }
}
