package io.coursekit.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.coursekit.UserError;
import io.coursekit.site.diagrams.MermaidDiagrams;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code coursekit serve}: builds the course into a private folder, serves it on localhost, rebuilds when a source
 * changes and makes open pages reload. A broken build keeps the last good site and shows its problems on the page.
 */
public final class PreviewServer implements AutoCloseable {
    private static final String LIVE_PATH = "/__coursekit/";
    private static final String LIVE_SCRIPT = """
            (function () {
              var seen = null;
              function banner(problems) {
                var box = document.getElementById('coursekit-problems');
                if (!problems.length) { if (box) { box.remove(); } return; }
                if (!box) {
                  box = document.createElement('pre');
                  box.id = 'coursekit-problems';
                  box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:99;margin:0;padding:1rem;'
                    + 'max-height:40vh;overflow:auto;background:#b42318;color:#fff;font:13px/1.5 monospace;white-space:pre-wrap';
                  document.body.appendChild(box);
                }
                box.textContent = problems.join('\\n');
              }
              function poll() {
                fetch('/__coursekit/status', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
                  if (seen !== null && s.build !== seen) { location.reload(); return; }
                  seen = s.build;
                  banner(s.problems);
                }).catch(function () {}).finally(function () { setTimeout(poll, 700); });
              }
              poll();
            })();
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CourseSources sources;
    private final Path out;
    private final HttpServer http;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coursekit-watch");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<String> log;
    /** One for the whole preview: its Chromium and cache serve every rebuild, and its notice is given once. */
    private final MermaidDiagrams diagrams;
    private volatile int build;
    private volatile List<String> problems = List.of();
    private long lastFingerprint;

    public PreviewServer(CourseSources sources, String host, int port, Consumer<String> log) throws IOException {
        this.sources = sources;
        this.log = log;
        this.diagrams = MermaidDiagrams.standard(log::accept);
        this.out = Files.createTempDirectory("coursekit-serve");
        try {
            this.http = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "): choose another --port");
        }
        http.createContext("/", this::serve);
        http.setExecutor(Executors.newFixedThreadPool(4));
    }

    /** Builds once (a broken course is a user error here, as with build), then serves and watches. */
    public void start() {
        lastFingerprint = fingerprint();
        SiteBuild first = new SiteBuilder(sources, out, true, diagrams).build();
        build = 1;
        log.accept("built " + first.pages() + " pages in " + first.millis() + " ms");
        http.start();
        watcher.scheduleWithFixedDelay(this::rebuildIfChanged, 500, 500, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void rebuildIfChanged() {
        long now = fingerprint();
        if (now == lastFingerprint) {
            return;
        }
        lastFingerprint = now;
        try {
            SiteBuild rebuilt = new SiteBuilder(sources, out, true, diagrams).build();
            problems = List.of();
            log.accept("rebuilt " + rebuilt.pages() + " pages in " + rebuilt.millis() + " ms");
        } catch (BuildFailure failure) {
            problems = failure.problems().stream().map(BuildProblem::getMessage).toList();
            log.accept(failure.getMessage());
        } catch (UserError error) {
            problems = List.of(error.getMessage());
            log.accept(error.getMessage());
        }
        build++;
    }

    /** Changes whenever a file under content/, the templates or the lab packs is added, removed or saved. */
    private long fingerprint() {
        long sum = 0;
        List<Path> roots = new ArrayList<>(List.of(sources.content()));
        sources.templates().ifPresent(roots::add);
        if (Files.isDirectory(sources.labs())) {
            roots.add(sources.labs());
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    sum = sum * 31 + file.hashCode() + Files.getLastModifiedTime(file).toMillis() + Files.size(file);
                }
            } catch (IOException | UncheckedIOException e) {
                sum++;
            }
        }
        return sum;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            if (path.equals(LIVE_PATH + "status")) {
                respond(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("build", build, "problems", problems)));
                return;
            }
            if (path.equals(LIVE_PATH + "live.js")) {
                respond(exchange, 200, "text/javascript", LIVE_SCRIPT.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = out.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(out) || !Files.isRegularFile(file)) {
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
        watcher.shutdownNow();
        http.stop(0);
        try (Stream<Path> files = Files.walk(out)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
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
