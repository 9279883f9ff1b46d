package io.coursekit.site.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.coursekit.UserError;
import io.coursekit.site.CourseSources;
import io.coursekit.site.diagrams.MermaidDiagrams;
import io.coursekit.site.search.SearchIndex;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code coursekit serve}: serves the course rendered in memory on localhost, rebuilds what each save changes
 * ({@link PreviewBuilds}, told by {@link SourceWatcher}) and pushes each build to open pages over server-sent
 * events: a page reloads when it changed, and every page shows the course's problems in a banner.
 */
public final class PreviewServer implements AutoCloseable {
    private static final String LIVE_PATH = "/__coursekit/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CourseSources sources;
    private final boolean strict;
    private final HttpServer http;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "coursekit-serve");
        t.setDaemon(true);
        return t;
    });
    private final PreviewBuilds builds;
    private final Consumer<String> log;
    private SourceWatcher watcher;

    /**
     * @param strict   whether problems are shown as what would fail {@code build} (else as warnings, as with --no-strict)
     * @param diagrams draws the course's Mermaid blocks for every rebuild, with the same cache as {@code build}
     */
    public PreviewServer(CourseSources sources, String host, int port, boolean strict, MermaidDiagrams diagrams,
                         Consumer<String> log) throws IOException {
        this.sources = sources;
        this.strict = strict;
        this.log = log;
        this.builds = new PreviewBuilds(sources, diagrams, log);
        try {
            this.http = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "): choose another --port");
        }
        http.createContext("/", this::serve);
        http.setExecutor(workers);
    }

    /** Draws diagrams in this machine's Chromium with the user's diagram cache; notices go to {@code log}. */
    public PreviewServer(CourseSources sources, String host, int port, boolean strict, Consumer<String> log) throws IOException {
        this(sources, host, port, strict, MermaidDiagrams.standard(line -> log.accept("notice: " + line)), log);
    }

    public PreviewServer(CourseSources sources, String host, int port, Consumer<String> log) throws IOException {
        this(sources, host, port, true, log);
    }

    /** Builds once (a course that cannot be read at all is a user error here, as with build), then serves and watches. */
    public void start() throws IOException {
        PreviewBuilds.Outcome first = builds.buildAll();
        if (builds.root() == null) {
            throw new UserError(String.join("\n", first.problems()));
        }
        List<Path> roots = new ArrayList<>(List.of(sources.content()));
        sources.templates().ifPresent(roots::add);
        roots.add(sources.labs());
        watcher = new SourceWatcher(roots, this::changed);
        watcher.start();
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void changed(java.util.Set<Path> files) {
        try {
            builds.changed(files);
        } catch (RuntimeException e) {
            log.accept("could not rebuild after saving " + files + ": " + e);
            return;
        }
        synchronized (this) {
            notifyAll();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            if (path.equals(LIVE_PATH + "status")) {
                respond(exchange, 200, "application/json", JSON.writeValueAsBytes(status(builds.last())));
                return;
            }
            if (path.equals(LIVE_PATH + "events")) {
                events(exchange);
                return;
            }
            if (path.equals(LIVE_PATH + "live.js")) {
                respond(exchange, 200, "text/javascript; charset=utf-8", liveScript());
                return;
            }
            if (path.equals("/" + SearchIndex.FILE)) {
                respond(exchange, 200, "text/javascript; charset=utf-8", builds.searchScript().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path root = builds.root();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                respond(exchange, 404, "text/plain; charset=utf-8", ("not found: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String type = MediaTypes.of(file);
            if (type.startsWith("text/html")) {
                body = new String(body, StandardCharsets.UTF_8)
                        .replace("</body>", "<script src=\"" + LIVE_PATH + "live.js\"></script>\n</body>")
                        .getBytes(StandardCharsets.UTF_8);
            }
            respond(exchange, 200, type, body);
        }
    }

    /** Server-sent events: the current build at once, then each new one as it is done, until the page goes away. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream stream = exchange.getResponseBody();
        int sent = -1;
        try {
            while (true) {
                PreviewBuilds.Outcome outcome = builds.last();
                if (outcome.build() != sent) {
                    stream.write(("data: " + JSON.writeValueAsString(status(outcome)) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    stream.flush();
                    sent = outcome.build();
                }
                synchronized (this) {
                    if (builds.last().build() == sent) {
                        wait(15_000);
                    }
                }
                if (builds.last().build() == sent) {
                    stream.write(": still here\n\n".getBytes(StandardCharsets.UTF_8));
                    stream.flush();
                }
            }
        } catch (IOException gone) {
            // the page was closed or reloaded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> status(PreviewBuilds.Outcome outcome) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("build", outcome.build());
        status.put("problems", outcome.problems());
        status.put("strict", strict);
        status.put("pages", outcome.pages());
        status.put("all", outcome.all());
        status.put("millis", outcome.millis());
        return status;
    }

    private static byte[] liveScript() throws IOException {
        try (var in = PreviewServer.class.getResourceAsStream("live.js")) {
            return in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        http.stop(0);
        workers.shutdownNow();
        builds.close();
    }

    /** Content types for what a course site holds. */
    static final class MediaTypes {
        private static final Map<String, String> BY_EXTENSION = Map.of(
                "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
                "svg", "image/svg+xml", "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
                "json", "application/json", "pdf", "application/pdf");

        private MediaTypes() {
        }

        static String of(Path file) {
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
            return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
        }
    }
}
