package io.coursekit.endpoint;

import io.coursekit.UserError;
import io.coursekit.lab.Check;
import io.coursekit.grader.CheckResult;
import io.coursekit.lab.EndpointRubric;
import io.coursekit.grader.GradeReport;
import io.coursekit.grader.Intake;
import io.coursekit.grader.Reason;
import io.coursekit.lab.Lab;
import io.coursekit.grader.Timings;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scores a student's live endpoint by the {@code endpoint:} rubric of a lab, with the same reports as {@code grade}. */
public final class EndpointGrader {
    /** The network part of a run; with JVM start and report writing the whole command stays under 15 s. */
    public static final Duration RUN_LIMIT = Duration.ofSeconds(10);
    /** An endpoint is scored from the grader's side: no student code runs, so no sandbox is needed. */
    public static final String ENDPOINTS_RUN_IN = "none";

    private static final Map<String, EndpointCheck> CHECKS = Map.of(
            "reachable", new Reachability(),
            "auth-required", new AuthRequirement(),
            "tls-in-transit", new TlsInTransit(),
            "engine-and-version", new EngineVersion(),
            "eviction-policy", new EvictionPolicy(),
            "replication", new Replication(),
            "cluster-mode", new ClusterMode(),
            "app-keys", new AppKeys(),
            "latency", new Latency());

    private EndpointGrader() {
    }

    public static GradeReport grade(Lab lab, StudentEndpoint endpoint) {
        EndpointRubric rubric = lab.endpoint().orElseThrow(() -> new UserError(lab.dir().resolve("lab.yaml")
                + ": lab " + lab.id() + " has no endpoint: section, so it has no endpoint checks"));
        long started = System.nanoTime();
        Deadline run = Deadline.in(RUN_LIMIT);
        List<CheckResult> results = new ArrayList<>();
        Reason problem;
        try (EndpointSession session = EndpointSession.open(endpoint, rubric.connectTimeout(), run)) {
            for (Check check : rubric.checks()) {
                results.add(run(check, CHECKS.get(check.id()), session, rubric, run));
            }
            problem = session.problem().map(ConnectionProblem::reason).orElse(null);
        }
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        Duration checks = results.stream().map(CheckResult::time).reduce(Duration.ZERO, Duration::plus);
        return new GradeReport(lab, endpoint.toString(), results, Intake.endpoint(problem), ENDPOINTS_RUN_IN,
                new Timings(Duration.ZERO, Duration.ZERO, checks, total));
    }

    private static CheckResult run(Check check, EndpointCheck endpointCheck, EndpointSession session, EndpointRubric rubric,
                                   Deadline run) {
        if (endpointCheck.needsConnection() && session.notRunReason().isPresent()) {
            return CheckResult.notRun(check, session.notRunReason().get());
        }
        if (run.passed()) {
            return CheckResult.notRun(check, new Reason.EndpointProblem(Reason.EndpointProblem.Endpoint.RUN_TIME_UP,
                    List.of(ConnectionProblem.seconds(RUN_LIMIT))));
        }
        long start = System.nanoTime();
        Finding finding;
        try {
            session.checkUntil(run.within(check.timeout()));
            finding = endpointCheck.run(session, rubric);
        } catch (RedisCommandExecutionException e) {
            finding = Finding.fail(new Reason.EndpointProblem(Reason.EndpointProblem.Endpoint.REFUSED_READ,
                    List.of(e.getMessage())));
        } catch (RedisException e) {
            finding = Finding.fail(session.lost(e).reason());
        } catch (Info.MissingInfo e) {
            finding = Finding.fail(e.getMessage());
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        return finding.passed() ? CheckResult.passed(check, finding.seen(), time)
                : CheckResult.failed(check, finding.why(), "", time);
    }
}
