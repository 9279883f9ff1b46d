package io.coursekit.portal;

import io.coursekit.UserError;
import io.coursekit.YamlTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * What the portal allows, from its {@code portal.yaml}: the due date and what a late submission costs, how often a
 * student may submit, how large an upload may be, and which submission counts.
 *
 * @param due            empty: no due date, nothing is late, and checks shown after the due date stay hidden
 * @param lateWindow     how long after the due date a submission is still taken, as late
 * @param latePenalty    percent taken off a late submission's score
 * @param rateLimit      at most this many gradings per student...
 * @param ratePeriod     ...in any period this long
 * @param uploadBytes    the most one upload may weigh
 * @param sourceFiles    the most .java files one submission may hold
 */
public record PortalRules(Optional<Instant> due, Duration lateWindow, int latePenalty, int rateLimit,
                          Duration ratePeriod, long uploadBytes, int sourceFiles, ScorePolicy scorePolicy,
                          ZoneId timeZone) {
    private static final Set<String> KEYS = Set.of("due", "late", "rate_limit", "limits", "score_policy", "time_zone");

    public static PortalRules defaults() {
        return new PortalRules(Optional.empty(), Duration.ZERO, 0, 10, Duration.ofHours(1), 1024 * 1024, 200,
                ScorePolicy.BEST, ZoneId.systemDefault());
    }

    /** Reads {@code file}; a wrong value or an unknown key is one {@code file:line} message. */
    public static PortalRules read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the portal's configuration: " + e.getMessage(), e);
        }
        YamlTree.Where where = (line, what) -> new UserError(file + ":" + line + ": " + what);
        YamlTree.Mapping yaml = YamlTree.read(text, 1, "not valid YAML", where).asMapping("the portal configuration");
        yaml.allowOnly(KEYS, "the portal configuration");
        PortalRules rules = defaults();
        ZoneId zone = yaml.scalar("time_zone").map(PortalRules::zone).orElse(rules.timeZone());
        Optional<Instant> due = yaml.scalar("due").map(PortalRules::instant);
        Duration lateWindow = rules.lateWindow();
        int penalty = rules.latePenalty();
        if (yaml.get("late").isPresent()) {
            YamlTree.Mapping late = yaml.required("late", "the portal configuration").asMapping("'late'");
            late.allowOnly(Set.of("hours", "penalty_percent"), "'late'");
            lateWindow = Duration.ofHours(late.requiredScalar("hours", "'late'").wholeNumber("late hours", 0));
            penalty = late.scalar("penalty_percent").map(s -> s.wholeNumber("penalty_percent", 0)).orElse(0);
            if (penalty > 100) {
                throw late.problemAt("penalty_percent", "penalty_percent " + penalty + " is more than 100");
            }
        }
        int limit = rules.rateLimit();
        Duration period = rules.ratePeriod();
        if (yaml.get("rate_limit").isPresent()) {
            YamlTree.Mapping rate = yaml.required("rate_limit", "the portal configuration").asMapping("'rate_limit'");
            rate.allowOnly(Set.of("submissions", "minutes"), "'rate_limit'");
            limit = rate.requiredScalar("submissions", "'rate_limit'").wholeNumber("rate_limit submissions", 1);
            period = Duration.ofMinutes(rate.requiredScalar("minutes", "'rate_limit'").wholeNumber("rate_limit minutes", 1));
        }
        long upload = rules.uploadBytes();
        int files = rules.sourceFiles();
        if (yaml.get("limits").isPresent()) {
            YamlTree.Mapping limits = yaml.required("limits", "the portal configuration").asMapping("'limits'");
            limits.allowOnly(Set.of("upload_kib", "files"), "'limits'");
            upload = limits.scalar("upload_kib").map(s -> s.wholeNumber("upload_kib", 1)).orElse((int) (upload / 1024)) * 1024L;
            files = limits.scalar("files").map(s -> s.wholeNumber("files", 1)).orElse(files);
        }
        ScorePolicy policy = yaml.scalar("score_policy").map(s -> ScorePolicy.named(s.text())
                .orElseThrow(() -> s.problem("score_policy '" + s.text() + "' must be last or best")))
                .orElse(rules.scorePolicy());
        return new PortalRules(due, lateWindow, penalty, limit, period, upload, files, policy, zone);
    }

    /** Whether a submission received at {@code at} is late; it is refused outright after {@link #closesAt()}. */
    public boolean late(Instant at) {
        return due.isPresent() && at.isAfter(due.get());
    }

    /** When submissions stop being taken: the due date plus the late window; empty when there is no due date. */
    public Optional<Instant> closesAt() {
        return due.map(d -> d.plus(lateWindow));
    }

    /** Whether checks shown after the due date are shown at {@code now}. */
    public boolean pastDue(Instant now) {
        return due.isPresent() && !now.isBefore(due.get());
    }

    /** A late score: the penalty is taken off and the rest rounded half up. */
    public int penalized(int score, boolean late) {
        return late ? (int) Math.round(score * (100 - latePenalty) / 100.0) : score;
    }

    private static Instant instant(YamlTree.Scalar scalar) {
        try {
            return OffsetDateTime.parse(scalar.text()).toInstant();
        } catch (DateTimeParseException e) {
            throw scalar.problem("due '" + scalar.text() + "' must be a date and time with its offset, "
                    + "such as 2026-12-01T23:59:00+09:00");
        }
    }

    private static ZoneId zone(YamlTree.Scalar scalar) {
        try {
            return ZoneId.of(scalar.text());
        } catch (DateTimeException e) {
            throw scalar.problem("time_zone '" + scalar.text() + "' is not a time zone such as Asia/Seoul");
        }
    }
}
