package io.coursekit.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a graded submission scores through the API: the late penalty, and checks hidden until the due date. */
class PortalGradingTest {
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path temp;

    @Test
    void aLateSubmissionLosesThePenaltyAndAfterTheLateWindowNothingIsTaken() throws Exception {
        MovableClock clock = new MovableClock(START);
        PortalRules rules = new PortalRules(Optional.of(START.minus(Duration.ofHours(1))), Duration.ofHours(48), 20, 10,
                Duration.ofMinutes(60), 1024 * 1024, 200, ScorePolicy.BEST, ZoneOffset.UTC);
        try (PortalFixture fixture = PortalFixture.start(temp.resolve("data"), List.of("alice", "bob"), rules, 1, clock)) {
            String id = fixture.submit("alice", "lab.zip", PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", ""))
                    .json().get("id").asText();
            JsonNode graded = fixture.awaitGraded("alice", id);

            assertThat(graded.get("status").asText()).isEqualTo("graded");
            assertThat(graded.get("late").asBoolean()).isTrue();
            assertThat(graded.get("score_before_penalty").asInt()).isEqualTo(105);
            assertThat(graded.get("penalty_percent").asInt()).isEqualTo(20);
            assertThat(graded.get("score").asInt()).isEqualTo(84);
            assertThat(graded.get("max").asInt()).isEqualTo(100);
            assertThat(fixture.get("/api/me/submissions", fixture.token("alice")).json().get("score").asInt()).isEqualTo(84);

            String gradebook = fixture.get("/admin/gradebook.csv", fixture.portal.adminToken()).response().body();
            assertThat(gradebook.lines().toList()).element(0).asString()
                    .startsWith("student,score,max,miss-loads-from-database,");
            assertThat(gradebook).contains("alice,84,100,15,15,10,15,10,5,10,10,10,5,\r\n", "bob,0,100,");
            assertThat(gradebook.lines().filter(l -> l.startsWith("bob,")).findFirst().orElseThrow()).endsWith(",no submission");
            assertThat(fixture.get("/admin/canvas.csv", fixture.portal.adminToken()).response().body())
                    .contains("    Points Possible,,,,,100", "alice,,,,,84");
            assertThat(fixture.get("/admin/summary.html", fixture.portal.adminToken()).response().body())
                    .contains("href=\"alice/report.html\"");
            assertThat(fixture.get("/admin/alice/report.html", fixture.portal.adminToken()).response().body())
                    .contains("stampede-protection");

            PortalFixture.Answer regrade = fixture.answer(HttpRequest.newBuilder(fixture.base.resolve("/api/admin/regrade"))
                    .header("Authorization", "Bearer " + fixture.portal.adminToken())
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(regrade.status()).isEqualTo(202);
            assertThat(regrade.json().get("queued").asInt()).isEqualTo(1);
            assertThat(fixture.awaitGraded("alice", id).get("score").asInt()).isEqualTo(84);
            StoredSubmission regraded = fixture.portal.store().submission(id).orElseThrow();
            assertThat(regraded.attempt()).isEqualTo(2);
            assertThat(regraded.gradings()).isEqualTo(2);

            clock.advance(Duration.ofHours(48));
            PortalFixture.Answer closed = fixture.submit("alice", "lab.zip",
                    PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", "after the window"));
            assertThat(closed.status()).isEqualTo(403);
            assertThat(closed.json().get("error").asText()).isEqualTo("closed");
            assertThat(closed.json().get("closed_at").asText()).isEqualTo(START.plus(Duration.ofHours(47)).toString());
        }
    }

    @Test
    void checksShownAfterTheDueDateStayHiddenFromStudentsUntilIt() throws Exception {
        Path labs = PortalFixture.labWithChecksAfterTheDueDate(temp.resolve("labs"),
                List.of("cache-speedup", "stampede-protection"));
        MovableClock clock = new MovableClock(START);
        PortalRules rules = new PortalRules(Optional.of(START.plus(Duration.ofDays(1))), Duration.ZERO, 0, 10,
                Duration.ofMinutes(60), 1024 * 1024, 200, ScorePolicy.BEST, ZoneOffset.UTC);
        try (PortalFixture fixture = PortalFixture.start(temp.resolve("data"), labs, List.of("alice"), rules, 1, clock,
                Optional.empty(), Duration.ofSeconds(30))) {
            String id = fixture.submit("alice", "lab.zip", PortalFixture.zipOf(PortalFixture.CACHE_ASIDE, "reference", ""))
                    .json().get("id").asText();
            JsonNode before = fixture.awaitGraded("alice", id);
            assertThat(before.get("status").asText()).as(before.toString()).isEqualTo("graded");
            String reportBefore = fixture.get("/submissions/" + id + "/report.html", fixture.token("alice")).response().body();
            JsonNode instructor = fixture.get("/api/submissions/" + id, fixture.portal.adminToken()).json();

            assertThat(before.get("score").asInt()).isEqualTo(90);
            assertThat(before.get("max").asInt()).isEqualTo(90);
            assertThat(before.get("hidden_checks").asInt()).isEqualTo(2);
            assertThat(ids(before)).hasSize(8).doesNotContain("cache-speedup", "stampede-protection");
            assertThat(reportBefore).contains("ttl-in-range").doesNotContain("cache-speedup").doesNotContain("stampede");
            assertThat(instructor.get("score").asInt()).isEqualTo(105);
            assertThat(instructor.get("hidden_checks").asInt()).isZero();

            clock.advance(Duration.ofDays(2));
            JsonNode after = fixture.get("/api/submissions/" + id, fixture.token("alice")).json();
            String reportAfter = fixture.get("/submissions/" + id + "/report.html", fixture.token("alice")).response().body();

            assertThat(after.get("score").asInt()).isEqualTo(105);
            assertThat(after.get("max").asInt()).isEqualTo(100);
            assertThat(after.get("hidden_checks").asInt()).isZero();
            assertThat(after.get("late").asBoolean()).isFalse();
            assertThat(reportAfter).contains("cache-speedup", "stampede-protection");
        }
    }

    private static List<String> ids(JsonNode submission) {
        List<String> ids = new ArrayList<>();
        submission.get("checks").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

}
