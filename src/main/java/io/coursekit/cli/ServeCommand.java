package io.coursekit.cli;

import io.coursekit.site.diagrams.MermaidDiagrams;
import io.coursekit.site.preview.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Preview the course while you write, with each save shown at once in the open pages.",
                "",
                "The course is built once and served on localhost. Each save rebuilds the page saved, and the pages whose "
                        + "links or navigation it changes, and reloads the open pages it changed.",
                "Problems never stop the preview: every page shows them in a banner, red for what would fail 'build', "
                        + "amber warnings with --no-strict.",
                "Mermaid diagrams are drawn in Chromium as 'build' draws them, with the same cache, so only new or changed "
                        + "diagrams are drawn; one Mermaid cannot parse shows in the banner at its file:line.",
                "Stop with Ctrl-C. The preview lives in a temporary folder; site/ is not touched."},
        footer = {"", "Examples:", "  java -jar target/coursekit.jar serve --content content",
                "  java -jar target/coursekit.jar serve --content ~/git/cloud-bootcamp --port 8080 --no-strict"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CourseSourceOptions course;

    @Option(names = "--port", defaultValue = "8000", description = "Port on localhost (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 shares it on your network).")
    String host;

    @Option(names = "--no-strict", description = "Show problems as warnings, as 'build --no-strict' would.")
    boolean lenient;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        MermaidDiagrams diagrams = MermaidDiagrams.standard(new DrawingProgress(spec.commandLine().getErr(), System.console() != null));
        try (PreviewServer server = new PreviewServer(course.sources(), host, port, !lenient, diagrams,
                line -> { out.println(line); out.flush(); })) {
            server.start();
            out.printf("serving %s at http://%s:%d/  (Ctrl-C to stop)%n", course.content, host, server.port());
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
