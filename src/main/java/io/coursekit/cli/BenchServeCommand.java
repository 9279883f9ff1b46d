package io.coursekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.site.CourseSources;
import io.coursekit.site.GeneratedCourse;
import io.coursekit.site.SiteFolder;
import io.coursekit.site.preview.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time what a save costs in 'serve', from writing the file to the reload pushed to open pages.",
                "",
                "The generated real-shaped course is served, then one 40 KB session is saved again and again. "
                        + "It reports the median and the spread over the saves, and the part the rebuild itself took."},
        footer = {"", "Examples:", "  java -jar target/coursekit.jar bench serve", "  java -jar target/coursekit.jar bench serve --saves 50"})
final class BenchServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--files", defaultValue = "359", description = "Markdown files in the generated course (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--saves", defaultValue = "20", description = "Saves timed, after three that warm the JVM up (default: ${DEFAULT-VALUE}).")
    int saves;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("coursekit-bench-serve");
        try (PreviewServer server = new PreviewServer(CourseSources.of(GeneratedCourse.write(work.resolve("content"), files)),
                "127.0.0.1", 0, line -> { })) {
            long started = System.nanoTime();
            server.start();
            out.printf("serving %d Markdown files, first build %d ms%n", files, (System.nanoTime() - started) / 1_000_000);
            Path page = work.resolve("content/week_02/day2/session_2.md");
            String original = Files.readString(page);
            HttpResponse<InputStream> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/__coursekit/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader stream = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8));
            next(stream);
            long[] latency = new long[saves];
            long[] rebuild = new long[saves];
            HttpClient http = HttpClient.newHttpClient();
            URI served = URI.create("http://127.0.0.1:" + server.port() + "/week_02/day2/session_2.html");
            for (int i = -3; i < saves; i++) {
                Thread.sleep(200);
                String sentence = "저장 " + (i + 3) + "번째 문장입니다.";
                long t0 = System.nanoTime();
                Files.writeString(page, original + "\n" + sentence + "\n");
                JsonNode pushed;
                // an editor's save can come as two writes; the save counts once the page served holds it
                do {
                    pushed = next(stream);
                } while (!(pushed.get("pages").toString().contains("week_02/day2/session_2.html") || pushed.get("all").asBoolean())
                        || !http.send(HttpRequest.newBuilder(served).build(), HttpResponse.BodyHandlers.ofString()).body().contains(sentence));
                if (i >= 0) {
                    latency[i] = System.nanoTime() - t0;
                    rebuild[i] = pushed.get("millis").asLong();
                }
            }
            long[] sorted = latency.clone();
            Arrays.sort(sorted);
            out.printf("one-page save: median %.1f ms from writing the file to the reload pushed and the page served with the change (min %.1f, max %.1f) over %d saves%n",
                    sorted[saves / 2] / 1e6, sorted[0] / 1e6, sorted[saves - 1] / 1e6, saves);
            Arrays.sort(rebuild);
            out.printf("  of which rebuilding the page: median %d ms%n", rebuild[saves / 2]);
            return 0;
        } finally {
            SiteFolder.deleteTree(work);
        }
    }

    private static JsonNode next(BufferedReader stream) throws IOException {
        String line;
        while ((line = stream.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return new ObjectMapper().readTree(line.substring(6));
            }
        }
        throw new IOException("the preview's event stream ended");
    }
}
