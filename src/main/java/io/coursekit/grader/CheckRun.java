package io.coursekit.grader;

import io.coursekit.lab.Check;
import io.coursekit.lab.Lab;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the checks of one compiled submission under a watchdog: a check that hangs is stopped at its timeout,
 * and when a check JVM ends or is killed, a new one runs the checks that are left. A check passes only when a
 * runner reported it passed after reporting it started; anything else fails it with a reason.
 */
final class CheckRun {
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    /** JUnit's own work between two checks, and the class-level set-up of a check class. */
    private static final Duration BETWEEN_CHECKS = Duration.ofSeconds(10);
    private static final int FRUITLESS_JVMS = 2;
    /** A check running this long may well be stopped at its timeout: a spare JVM starts for the checks after it. */
    private static final Duration SPARE_AFTER = Duration.ofSeconds(2);

    private final Lab lab;
    private final CheckJvmSetup setup;
    private final CheckJvms jvms;
    private final List<Path> classpath;
    private final long deadline;
    private final Map<String, CheckMethod> pending = new LinkedHashMap<>();
    private final Map<String, CheckResult> results = new LinkedHashMap<>();
    private long jvmStartMillis;
    private long checksNanos;
    private CheckJvm reusable;

    /**
     * @param classpath the lab's checks and the submission's classes
     * @param deadline  when the submission's time is up, in {@link System#nanoTime()}
     */
    CheckRun(CompiledLab compiled, CheckJvmSetup setup, CheckJvms jvms, List<Path> classpath, long deadline) {
        this.lab = compiled.lab();
        this.setup = setup;
        this.jvms = jvms;
        this.classpath = classpath;
        this.deadline = deadline;
        compiled.methods().forEach(m -> pending.put(m.checkId(), m));
    }

    /**
     * Runs every check, the first ones in {@code first}: a JVM launched while the submission compiled, or one that
     * graded an earlier submission and was left clean. Returns a result for every check, in rubric order.
     */
    List<CheckResult> run(CheckJvm first) throws InterruptedException {
        int fruitless = 0;
        CheckJvm next = first;
        while (!pending.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                next.close();
                failPending("not run: the submission used up its time limit of " + lab.limits().time().toSeconds() + " s");
                break;
            }
            int before = pending.size();
            String trouble = runIn(next);
            fruitless = pending.size() < before ? 0 : fruitless + 1;
            if (fruitless >= FRUITLESS_JVMS) {
                failPending("not run: the check JVM ended before running it: " + trouble);
            } else if (!pending.isEmpty()) {
                try {
                    next = jvms.fresh(setup);
                } catch (IOException e) {
                    failPending("not run: the check JVM could not be started: " + e.getMessage());
                }
            }
        }
        return lab.checks().stream().map(c -> results.get(c.id())).toList();
    }

    Duration jvmStart() {
        return Duration.ofMillis(jvmStartMillis);
    }

    Duration checks() {
        return Duration.ofNanos(checksNanos);
    }

    /** The JVM that ran the last checks, when the submission left nothing in it: it may grade the next one. */
    Optional<CheckJvm> reusable() {
        return Optional.ofNullable(reusable);
    }

    /** Runs the pending checks in {@code jvm} until it is done, ends or is killed; says why when it ended early. */
    private String runIn(CheckJvm jvm) throws InterruptedException {
        try {
            jvm.run(new RunnerOrders.Order(classpath, List.copyOf(pending.values())));
        } catch (IOException e) {
            jvm.close();
            return e.getMessage();
        }
        try {
            long handedOver = System.nanoTime();
            boolean warm = jvm.submissions() > 1;
            long checksFrom = warm ? handedOver : -1;
            String running = null;
            long runningSince = 0;
            long due = handedOver + (warm ? BETWEEN_CHECKS : READY_WITHIN).toNanos();
            long spareAt = Long.MAX_VALUE;
            while (true) {
                Optional<RunnerMessage> next = jvm.next(Math.min(Math.min(due, deadline), spareAt));
                long now = System.nanoTime();
                if (next.isEmpty() && now >= spareAt && now < Math.min(due, deadline)) {
                    prepareSpare();
                    spareAt = Long.MAX_VALUE;
                    continue;
                }
                boolean ends = next.map(m -> m.kind() == RunnerMessage.Kind.DONE || m.kind() == RunnerMessage.Kind.CLOSED)
                        .orElse(true);
                if (ends && checksFrom >= 0) {
                    checksNanos += now - checksFrom;
                }
                if (next.isEmpty()) {
                    jvm.close();
                    if (running != null) {
                        fail(running, now - runningSince, due <= deadline
                                ? "timed out after " + check(running).timeout().toSeconds() + " s"
                                : "stopped: the submission's time limit of " + lab.limits().time().toSeconds()
                                + " s ran out during this check");
                    }
                    return "it stopped answering: " + jvm.console();
                }
                RunnerMessage message = next.get();
                switch (message.kind()) {
                    case READY -> {
                        jvmStartMillis += message.millis();
                        checksFrom = Math.max(handedOver, now);
                        due = now + BETWEEN_CHECKS.toNanos();
                    }
                    case STARTED -> {
                        running = message.checkId();
                        runningSince = now;
                        due = now + check(running).timeout().toNanos();
                        spareAt = now + SPARE_AFTER.toNanos();
                    }
                    case FINISHED -> {
                        judge(message, message.checkId().equals(running));
                        running = null;
                        due = now + BETWEEN_CHECKS.toNanos();
                        spareAt = Long.MAX_VALUE;
                    }
                    case DONE -> {
                        failPending("the check runner did not report this check");
                        if (message.passed()) {
                            reusable = jvm;
                        }
                        return "";
                    }
                    case CLOSED -> {
                        String status = jvm.exitStatus().map(String::valueOf).orElse("unknown");
                        if (running != null) {
                            fail(running, now - runningSince, "the JVM exited with status " + status + " during this check");
                        }
                        return "exit status " + status + ": " + jvm.console();
                    }
                }
            }
        } finally {
            if (reusable != jvm) {
                jvm.close();
            }
        }
    }

    private void prepareSpare() {
        try {
            jvms.startSpare(setup);
        } catch (IOException e) {
            // without a spare, a JVM is started when one is needed, and fails then if it must
        }
    }

    private void judge(RunnerMessage message, boolean startedHere) {
        String id = message.checkId();
        if (!pending.containsKey(id)) {
            return;
        }
        String cutAt = "output cut at " + lab.limits().outputKib() + " KiB";
        String output = message.outputCut() ? message.output() + "\n[" + cutAt + "]" : message.output();
        Duration time = Duration.ofMillis(message.millis());
        if (message.passed() && startedHere && !message.outputCut()) {
            record(CheckResult.passed(check(id), output, time));
        } else if (message.outputCut()) {
            record(CheckResult.failed(check(id), message.passed() ? cutAt : cutAt + "; " + message.reason(), output, time));
        } else {
            record(CheckResult.failed(check(id), message.passed() ? "the check runner did not report this check as started"
                    : message.reason(), output, time));
        }
    }

    private void fail(String id, long nanos, String reason) {
        if (pending.containsKey(id)) {
            record(CheckResult.failed(check(id), reason, "", Duration.ofNanos(nanos)));
        }
    }

    private void failPending(String reason) {
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
