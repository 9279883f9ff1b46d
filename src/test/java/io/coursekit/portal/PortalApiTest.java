package io.coursekit.portal;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's refusals, which need no grading: a portal without workers. */
class PortalApiTest {
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    static Path data;
    static PortalFixture fixture;
    static MovableClock clock = new MovableClock(START);

    @BeforeAll
    static void startPortal() {
        PortalRules rules = new PortalRules(Optional.empty(), Duration.ZERO, 0, 2, Duration.ofMinutes(60), 64 * 1024,
                200, ScorePolicy.BEST, ZoneOffset.UTC);
        fixture = PortalFixture.start(data, List.of("alice", "bob", "carol", "dave"), rules, 0, clock);
    }

    @AfterAll
    static void stopPortal() {
        fixture.close();
    }

    @Test
    void theRateLimitRefusesWith429AndTheTimeOfTheNextAllowedSubmission() {
        byte[] first = PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", "first");
        PortalFixture.Answer one = fixture.submit("alice", "lab.zip", first);
        clock.advance(Duration.ofMinutes(10));
        PortalFixture.Answer two = fixture.submit("alice", "lab.zip", PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", "second"));
        clock.advance(Duration.ofMinutes(5));
        PortalFixture.Answer three = fixture.submit("alice", "lab.zip", PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", "third"));
        PortalFixture.Answer again = fixture.submit("alice", "again.zip", first);

        assertThat(one.status()).isEqualTo(201);
        assertThat(one.json().get("status").asText()).isEqualTo("queued");
        assertThat(one.response().headers().firstValue("Location")).hasValue("/api/submissions/" + one.json().get("id").asText());
        assertThat(two.status()).isEqualTo(201);
        assertThat(three.status()).isEqualTo(429);
        assertThat(three.json().get("error").asText()).isEqualTo("rate_limited");
        Instant firstReceived = Instant.parse(fixture.get("/api/submissions/" + one.json().get("id").asText(),
                fixture.token("alice")).json().get("received_at").asText());
        assertThat(Instant.parse(three.json().get("next_allowed_at").asText())).isEqualTo(firstReceived.plus(Duration.ofMinutes(60)));
        assertThat(three.response().headers().firstValue("Retry-After")).hasValue(String.valueOf(45 * 60 + 1));
        assertThat(three.json().get("message").asText()).contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneOffset.UTC).format(firstReceived.plus(Duration.ofMinutes(60))));
        // the same sources again are the first submission, and count for nothing
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("identical").asBoolean()).isTrue();
        assertThat(again.json().get("id").asText()).isEqualTo(one.json().get("id").asText());
        assertThat(fixture.get("/api/me/submissions", fixture.token("alice")).json().get("submissions")).hasSize(2);

        clock.advance(Duration.ofMinutes(46));
        assertThat(fixture.submit("alice", "lab.zip", PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", "fourth"))
                .status()).isEqualTo(201);
    }

    @Test
    void anUnsafeZipIsRefusedAndNothingIsStored() throws IOException {
        PortalFixture.Answer climbing = fixture.submit("bob", "evil.zip", zip("../../escaped/Evil.java", "class Evil {}"));
        PortalFixture.Answer noJava = fixture.submit("bob", "notes.zip", zip("README.md", "# my lab"));
        PortalFixture.Answer notAZip = fixture.submit("bob", "broken.zip", "PK this is no zip".getBytes(StandardCharsets.UTF_8));
        PortalFixture.Answer tooLarge = fixture.submit("bob", "big.zip", new byte[70 * 1024]);

        assertThat(climbing.status()).isEqualTo(400);
        assertThat(climbing.json().get("error").asText()).isEqualTo("bad_upload");
        assertThat(climbing.json().get("detail").asText())
                .isEqualTo("upload.zip: zip refused: entry '../../escaped/Evil.java' points outside the submission folder ('..')");
        assertThat(noJava.status()).isEqualTo(400);
        assertThat(noJava.json().get("error").asText()).isEqualTo("no_sources");
        assertThat(notAZip.status()).isEqualTo(400);
        assertThat(notAZip.json().get("error").asText()).isEqualTo("bad_upload");
        assertThat(notAZip.json().get("detail").asText()).startsWith("upload.zip: not a readable zip file");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(fixture.get("/api/me/submissions", fixture.token("bob")).json().get("submissions")).isEmpty();
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("escaped");
        }
    }

    @Test
    void aDroppedFolderIsItsJavaFilesAndAPathThatClimbsOutIsRefused() {
        byte[] source = "package lab.cacheaside; class Helper {}".getBytes(StandardCharsets.UTF_8);
        PortalFixture.Answer folder = fixture.send(HttpRequest.newBuilder(fixture.base.resolve("/api/submissions"))
                        .header("Authorization", "Bearer " + fixture.token("dave")),
                List.of(new SubmissionDesk.UploadedPart("my-lab/src/lab/cacheaside/Helper.java", source),
                        new SubmissionDesk.UploadedPart("my-lab/README.md", "notes".getBytes(StandardCharsets.UTF_8))), "POST");
        PortalFixture.Answer climbing = fixture.send(HttpRequest.newBuilder(fixture.base.resolve("/api/submissions"))
                        .header("Authorization", "Bearer " + fixture.token("dave")),
                List.of(new SubmissionDesk.UploadedPart("../Helper.java", source)), "POST");

        assertThat(folder.status()).isEqualTo(201);
        StoredSubmission stored = fixture.portal.store().submission(folder.json().get("id").asText()).orElseThrow();
        assertThat(stored.files()).isEqualTo(1);
        assertThat(climbing.status()).isEqualTo(400);
        assertThat(climbing.json().get("detail").asText()).contains("points outside the submission");
    }

    @Test
    void anUnknownTokenIs401AndAnotherStudentsSubmissionIs404() {
        String carols = fixture.submit("carol", "lab.zip", PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "samples/no-ttl", ""))
                .json().get("id").asText();

        assertThat(fixture.get("/api/me/submissions", "not-a-token").status()).isEqualTo(401);
        assertThat(fixture.get("/api/me/submissions", null).status()).isEqualTo(401);
        assertThat(fixture.submit("nobody", "lab.zip", PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", "x"))
                .status()).isEqualTo(401);
        PortalFixture.Answer others = fixture.get("/api/submissions/" + carols, fixture.token("bob"));
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.json().get("error").asText()).isEqualTo("not_found");
        assertThat(fixture.get("/api/submissions/0000000000000000", fixture.token("carol")).status()).isEqualTo(404);
        assertThat(fixture.get("/api/submissions/" + carols, fixture.token("carol")).status()).isEqualTo(200);
        assertThat(fixture.get("/api/submissions/" + carols + "/../" + carols, fixture.token("bob")).status()).isEqualTo(404);
        assertThat(fixture.get("/api/submissions/" + carols, fixture.portal.adminToken()).status()).isEqualTo(200);
        assertThat(fixture.get("/submissions/" + carols + "/report.html", fixture.token("bob")).status()).isEqualTo(404);
    }

    @Test
    void aBrowserSessionIsAnHttpOnlySameSiteCookieAndItsPostsNeedTheCsrfToken() {
        PortalFixture.Answer signIn = fixture.answer(HttpRequest.newBuilder(
                fixture.base.resolve("/signin?token=" + fixture.token("dave"))).GET().build());
        String cookie = signIn.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PortalServer.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        PortalFixture.Answer page = fixture.answer(HttpRequest.newBuilder(fixture.base.resolve("/")).header("Cookie", session)
                .GET().build());
        String csrf = page.response().body().replaceAll("(?s).*data-csrf=\"([^\"]+)\".*", "$1");
        byte[] zip = PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "samples/no-ttl", "dave");
        PortalFixture.Answer forged = fixture.send(HttpRequest.newBuilder(fixture.base.resolve("/api/submissions"))
                .header("Cookie", session), List.of(new SubmissionDesk.UploadedPart("lab.zip", zip)), "POST");
        PortalFixture.Answer sent = fixture.send(HttpRequest.newBuilder(fixture.base.resolve("/api/submissions"))
                .header("Cookie", session).header(PortalServer.CSRF_HEADER, csrf),
                List.of(new SubmissionDesk.UploadedPart("lab.zip", zip)), "POST");

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
        assertThat(page.response().body()).contains("DAVE");
        assertThat(csrf).hasSizeGreaterThan(20).doesNotContain("<");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("error").asText()).isEqualTo("csrf");
        assertThat(sent.status()).isEqualTo(201);

        // the page's form, for a browser without JavaScript: the token travels in a form field
        clock.advance(Duration.ofHours(2));
        byte[] other = PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "samples/no-ttl", "dave's form");
        PortalLoad.Multipart form = PortalLoad.Multipart.of(Map.of("csrf", csrf),
                List.of(new SubmissionDesk.UploadedPart("lab.zip", other)));
        PortalFixture.Answer posted = fixture.answer(HttpRequest.newBuilder(fixture.base.resolve("/submit"))
                .header("Cookie", session).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
        PortalLoad.Multipart noToken = PortalLoad.Multipart.of(List.of(new SubmissionDesk.UploadedPart("lab.zip", other)));
        PortalFixture.Answer refused = fixture.answer(HttpRequest.newBuilder(fixture.base.resolve("/submit"))
                .header("Cookie", session).header("Content-Type", noToken.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(noToken.bytes())).build());

        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.response().headers().firstValue("Location").orElseThrow()).startsWith("/submissions/");
        assertThat(refused.status()).isEqualTo(403);
    }

    private static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

}
