package io.coursekit.grader;

import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks of one compiled submission, given to a judge and watched from outside. The judge stops a check at its
 * timeout itself; this only catches a judge that went quiet or ended, which is a fault of the lab's checks or of
 * coursekit, never the student's doing: a new judge then runs the checks that are left.
 */
final class CheckRun {
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    /** JUnit's own work between two checks, and the class-level set-up of a check class. */
    private static final Duration BETWEEN_CHECKS = Duration.ofSeconds(15);
    /** What a judge may take beyond a check's timeout to report it: killing the student's JVMs, ending the check. */
    private static final Duration REPORTING = Duration.ofSeconds(15);
    private static final int FRUITLESS_JVMS = 2;

    private final Lab lab;
    private final JudgeJvm.Launch launch;
    private final JudgeJvms judges;
    private final JudgeOrder order;
    private final long deadline;
    private final Map<String, JudgeOrder.TimedCheck> pending = new LinkedHashMap<>();
    private final Map<String, CheckResult> results = new LinkedHashMap<>();
    private long jvmStartMillis;
    private long checksNanos;
    private JudgeJvm reusable;

    /**
     * @param order    the submission with every check of the lab
     * @param deadline when the submission's time is up, in {@link System#nanoTime()}
     */
    CheckRun(Lab lab, JudgeJvm.Launch launch, JudgeJvms judges, JudgeOrder order, long deadline) {
        this.lab = lab;
        this.launch = launch;
        this.judges = judges;
        this.order = order;
        this.deadline = deadline;
        order.checks().forEach(c -> pending.put(c.method().checkId(), c));
    }

    /** Runs every check, the first ones in {@code first}; a result for every check, in rubric order. */
    List<CheckResult> run(JudgeJvm first) throws InterruptedException {
        int fruitless = 0;
        JudgeJvm next = first;
        while (!pending.isEmpty()) {
            int before = pending.size();
            String trouble = runIn(next);
            fruitless = pending.size() < before ? 0 : fruitless + 1;
            if (fruitless >= FRUITLESS_JVMS || System.nanoTime() >= deadline) {
                failPending(new Reason.GraderTrouble("the judge JVM ended before running this check: " + trouble));
            } else if (!pending.isEmpty()) {
                try {
                    next = judges.fresh(launch);
                } catch (IOException e) {
                    failPending(new Reason.GraderTrouble("the judge JVM could not be started: " + e.getMessage()));
                }
            }
        }
        return results();
    }

    /** A result for every check that has one, in rubric order. */
    List<CheckResult> results() {
        return lab.checks().stream().map(c -> results.get(c.id())).filter(Objects::nonNull).toList();
    }

    Duration jvmStart() {
        return Duration.ofMillis(jvmStartMillis);
    }

    Duration checks() {
        return Duration.ofNanos(checksNanos);
    }

    /** The judge that ran the last checks, when it finished them all: it may check the next submission. */
    Optional<JudgeJvm> reusable() {
        return Optional.ofNullable(reusable);
    }

    /** Runs the pending checks in {@code judge} until it is done, ends or goes quiet; says why when it ended early. */
    private String runIn(JudgeJvm judge) throws InterruptedException {
        long epochDeadline = System.currentTimeMillis() + (deadline - System.nanoTime()) / 1_000_000;
        judge.run(new JudgeOrder(order.submission(), order.classes(), order.checksJar(), order.apiPackage(),
                order.studentClass(), order.constructor(), order.redis(), new ArrayList<>(pending.values()), epochDeadline,
                order.timeLimitSeconds()));
        long handedOver = System.nanoTime();
        boolean warm = judge.submissions() > 1;
        long checksFrom = warm ? handedOver : -1;
        long due = handedOver + (warm ? BETWEEN_CHECKS : READY_WITHIN).toNanos();
        String running = null;
        try {
            while (true) {
                Optional<JudgeMessage> next = judge.next(due);
                long now = System.nanoTime();
                if (next.isEmpty() || next.get() instanceof JudgeMessage.Ended || next.get() instanceof JudgeMessage.Done) {
                    if (checksFrom >= 0) {
                        checksNanos += now - checksFrom;
                    }
                    if (next.isPresent() && next.get() instanceof JudgeMessage.Done) {
                        failPending(new Reason.CheckSkipped("the judge did not report this check"));
                        reusable = judge;
                        return "";
                    }
                    String why = next.isEmpty() ? "it stopped answering" : "exit status "
                            + judge.exitStatus().map(String::valueOf).orElse("unknown");
                    if (running != null) {
                        fail(running, new Reason.GraderTrouble("the judge JVM ended during this check (" + why + "): "
                                + judge.console()));
                    }
                    return why + ": " + judge.console();
                }
                JudgeMessage message = next.get();
                if (message instanceof JudgeMessage.Ready ready) {
                    jvmStartMillis += ready.ageMillis();
                    checksFrom = Math.max(handedOver, now);
                    due = now + BETWEEN_CHECKS.toNanos();
                } else if (message instanceof JudgeMessage.Started started) {
                    running = started.checkId();
                    JudgeOrder.TimedCheck check = pending.get(running);
                    due = now + Duration.ofSeconds(check == null ? 0 : check.timeoutSeconds()).plus(REPORTING).toNanos();
                } else if (message instanceof JudgeMessage.Finished finished) {
                    record(finished);
                    running = null;
                    due = now + BETWEEN_CHECKS.toNanos();
                }
            }
        } finally {
            if (reusable != judge) {
                judge.close();
            }
        }
    }

    private void record(JudgeMessage.Finished finished) {
        if (!pending.containsKey(finished.checkId())) {
            return;
        }
        Check check = check(finished.checkId());
        Duration time = Duration.ofMillis(finished.millis());
        record(finished.passed() ? new CheckResult(check, true, true, null, finished.output(), time, finished.notes())
                : new CheckResult(check, false, finished.ran(), finished.reason(), finished.output(),
                finished.ran() ? time : Duration.ZERO, finished.notes()));
    }

    private void fail(String id, Reason reason) {
        if (pending.containsKey(id)) {
            record(CheckResult.failed(check(id), reason, "", Duration.ZERO));
        }
    }

    private void failPending(Reason reason) {
        List.copyOf(pending.keySet()).forEach(id -> record(CheckResult.notRun(check(id), reason)));
    }

    private void record(CheckResult result) {
        pending.remove(result.check().id());
        results.put(result.check().id(), result);
    }

    private Check check(String id) {
        return lab.check(id).orElseThrow(() -> new IllegalStateException("no check '" + id + "' in lab " + lab.id()));
    }
}
