package io.coursekit.site.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.site.CourseSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** coursekit serve: a save rebuilds that page alone, pushes the build to open pages, and problems never freeze it. */
class PreviewServerTest {
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSaveRebuildsThatPageAloneAndABrokenLinkShowsWithoutFreezingThePreview() throws Exception {
        Path day = Files.createDirectories(dir.resolve("week_01/day1"));
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n[세션](./session_1.md) [둘](./session_2.md#-목표)\n");
        Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n첫 문장\n");
        Files.writeString(day.resolve("session_2.md"), "# 세션 2\n\n## 🎯 목표\n");
        try (PreviewServer server = new PreviewServer(CourseSources.of(dir), "127.0.0.1", 0, line -> { })) {
            server.start();
            String base = "http://127.0.0.1:" + server.port();
            assertThat(get(base + "/week_01/day1/session_1.html").body()).contains("첫 문장").contains("/__coursekit/live.js");
            assertThat(get(base + "/week_01/day1/").body()).contains("Day 1");
            assertThat(get(base + "/../../etc/passwd").statusCode()).isEqualTo(404);
            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create(base + "/__coursekit/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader stream = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8));
            assertThat(nextEvent(stream).get("build").asInt()).isEqualTo(1);

            Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n고친 문장\n");
            JsonNode pushed = nextEvent(stream);
            assertThat(pushed.get("all").asBoolean()).as("only the saved page is rebuilt").isFalse();
            assertThat(pushed.get("pages").toString()).isEqualTo("[\"week_01/day1/session_1.html\"]");
            assertThat(pushed.get("problems")).isEmpty();
            assertThat(get(base + "/week_01/day1/session_1.html").body()).contains("고친 문장");

            Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n[없는 랩](./lab_7.md)\n");
            pushed = nextEvent(stream);
            assertThat(pushed.get("problems").get(0).asText()).endsWith("session_1.md:3: broken link ./lab_7.md: no such page");
            assertThat(get(base + "/week_01/day1/session_1.html").body()).as("the preview shows the page as saved").contains("없는 랩");

            Files.writeString(day.resolve("session_2.md"), "# 세션 2\n\n## 목표가 바뀜\n");
            pushed = nextEvent(stream);
            assertThat(pushed.get("problems").toString()).as("the day page's link to the old heading is checked again")
                    .contains("README.md:3: broken anchor ./session_2.md#-목표");
        }
    }

    @Test
    void aCourseWithABrokenLinkStillStartsAndShowsIt() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# 코스\n\n[없음](./nowhere.md)\n");
        try (PreviewServer server = new PreviewServer(CourseSources.of(dir), "127.0.0.1", 0, false, line -> { })) {
            server.start();
            String base = "http://127.0.0.1:" + server.port();
            JsonNode status = awaitStatus(base, s -> s.get("build").asInt() >= 1);
            assertThat(status.get("strict").asBoolean()).isFalse();
            assertThat(status.get("problems").get(0).asText()).endsWith("README.md:3: broken link ./nowhere.md: no such page");
            assertThat(get(base + "/").body()).contains("코스");
        }
    }

    private static JsonNode nextEvent(BufferedReader stream) throws IOException {
        String line;
        while ((line = stream.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return new ObjectMapper().readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("the event stream ended");
    }

    private JsonNode awaitStatus(String base, Predicate<JsonNode> done) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode status = new ObjectMapper().readTree(get(base + "/__coursekit/status").body());
            if (done.test(status)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the preview did not build within 10 s");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
