package io.coursekit.cli;

import io.coursekit.site.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Preview the course while you write: build it, serve it on localhost, rebuild on every save",
                "and reload open pages. Broken links are shown on the page instead of stopping the preview.",
                "Stop with Ctrl-C. The preview is built in a temporary folder; site/ is not touched."})
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

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        try (PreviewServer server = new PreviewServer(course.sources(), host, port,
                line -> { out.println(line); out.flush(); })) {
            server.start();
            out.printf("serving %s at http://%s:%d/  (Ctrl-C to stop)%n", course.content, host, server.port());
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
