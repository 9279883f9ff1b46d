package io.coursekit.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


import static org.assertj.core.api.Assertions.assertThat;

/** The portal, with its own queue and worker, killed with SIGKILL in the middle of grading and started again. */
class PortalRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aPortalKilledInTheMiddleOfGradingGradesEverySubmissionOnceAfterARestart() throws Exception {
        Path data = temp.resolve("data");
        Path roster = Files.writeString(temp.resolve("roster.csv"), "student,name\nalice,Alice\nbob,Bob\n");
        String token;
        try (PortalStore store = PortalStore.open(data)) {
            store.claimLab("cache-aside");
            token = store.enrol(Roster.read(roster)).get(0).token();
        }
        int port = freePort();
        Process first = portal(data, roster, port, temp.resolve("first.log"));
        List<String> ids = new ArrayList<>();
        try {
            awaitUp(port);
            ids.add(submit(port, token, PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "samples/hostile-infinite-loop", "")));
            ids.add(submit(port, token, PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", "second")));
            ids.add(submit(port, token, PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "samples/no-ttl", "third")));
            awaitStatus(port, token, ids.get(0), "checking", Duration.ofSeconds(90));
        } finally {
            WorkerProcesses.kill(first);
        }
        int again = freePort();
        Process second = portal(data, roster, again, temp.resolve("second.log"));
        try {
            awaitUp(again);
            for (String id : ids) {
                awaitStatus(again, token, id, "graded", Duration.ofSeconds(120));
            }
            assertThat(scoreOf(again, token, ids.get(0))).isEqualTo(95);
            assertThat(scoreOf(again, token, ids.get(1))).isEqualTo(105);
            assertThat(scoreOf(again, token, ids.get(2))).isEqualTo(90);
            assertThat(Files.readString(temp.resolve("second.log"))).contains("portal: queued 3 waiting submission(s) again");
        } finally {
            WorkerProcesses.kill(second);
        }
        try (PortalStore store = PortalStore.open(data)) {
            assertThat(store.submissions()).hasSize(3).allSatisfy(s -> assertThat(s.gradings()).isEqualTo(1));
        }
    }

    private static Process portal(Path data, Path roster, int port, Path log) throws IOException {
        return WorkerProcesses.start(log, "portal", "--lab", "cache-aside", "--labs-dir", PortalFixture.LABS.toString(),
                "--roster", roster.toString(), "--data", data.toString(), "--port", String.valueOf(port), "--lang", "en");
    }

    private static String submit(int port, String token, byte[] zip) throws Exception {
        PortalLoad.Multipart body = PortalLoad.Multipart.of(List.of(new SubmissionDesk.UploadedPart("lab.zip", zip)));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(port, "/api/submissions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private static JsonNode submission(int port, String token, String id) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(port, "/api/submissions/" + id))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    private static int scoreOf(int port, String token, String id) throws Exception {
        return submission(port, token, id).get("score").asInt();
    }

    private static void awaitStatus(int port, String token, String id, String status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = submission(port, token, id);
            if (status.equals(last.path("status").asText())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(id + " is not " + status + " within " + within + ": " + last);
    }

    private static void awaitUp(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(port, "/signin")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the portal did not answer on port " + port);
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
