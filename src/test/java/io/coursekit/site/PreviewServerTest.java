package io.coursekit.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** coursekit serve: rebuilds on save, tells open pages to reload, and shows a broken build's problems. */
class PreviewServerTest {
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSavedEditIsServedAndABrokenLinkIsReportedWithoutLosingTheSite() throws Exception {
        Path day = Files.createDirectories(dir.resolve("week_01/day1"));
        Files.writeString(dir.resolve("course.yaml"), "title: 미리보기\nweeks: [week_01]\n");
        Files.writeString(day.resolve("README.md"), "# Day 1\n\n[세션](./session_1.md)\n");
        Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n첫 문장\n");
        try (PreviewServer server = new PreviewServer(CourseSources.of(dir), "127.0.0.1", 0, line -> { })) {
            server.start();
            String base = "http://127.0.0.1:" + server.port();
            String page = get(base + "/week_01/day1/session_1.html").body();
            assertThat(page).contains("첫 문장").contains("/__coursekit/live.js");
            assertThat(get(base + "/week_01/day1/").body()).contains("Day 1");
            assertThat(get(base + "/../../etc/passwd").statusCode()).isEqualTo(404);

            Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n고친 문장\n");
            JsonNode status = awaitStatus(base, s -> s.get("build").asInt() >= 2);
            assertThat(status.get("problems")).isEmpty();
            assertThat(get(base + "/week_01/day1/session_1.html").body()).contains("고친 문장");

            Files.writeString(day.resolve("session_1.md"), "# 세션 1\n\n[없는 랩](./lab_7.md)\n");
            status = awaitStatus(base, s -> s.get("build").asInt() >= 3);
            assertThat(status.get("problems").get(0).asText()).endsWith("session_1.md:3: broken link ./lab_7.md: no such page");
            assertThat(get(base + "/week_01/day1/session_1.html").body()).contains("고친 문장");
        }
    }

    private JsonNode awaitStatus(String base, Predicate<JsonNode> done) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode status = new ObjectMapper().readTree(get(base + "/__coursekit/status").body());
            if (done.test(status)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the preview did not rebuild within 10 s");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
