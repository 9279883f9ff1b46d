package io.coursekit.grader;

import java.io.IOException;
import java.net.URI;
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

    private final Lab lab;
    private final List<Path> classpath;
    private final URI redis;
    private final Path workDir;
    private final long deadline;
    private final Map<String, CheckMethod> pending = new LinkedHashMap<>();
    private final Map<String, CheckResult> results = new LinkedHashMap<>();
    private long jvmStartNanos;
    private long checksNanos;

    /** @param deadline when the submission's time is up, in {@link System#nanoTime()} */
    CheckRun(CompiledLab compiled, List<Path> classpath, URI redis, Path workDir, long deadline) {
        this.lab = compiled.lab();
        this.classpath = classpath;
        this.redis = redis;
        this.workDir = workDir;
        this.deadline = deadline;
        compiled.methods().forEach(m -> pending.put(m.checkId(), m));
    }

    /** A result for every check, in rubric order. */
    List<CheckResult> run() throws InterruptedException {
        int fruitless = 0;
        while (!pending.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                failPending("not run: the submission used up its time limit of " + lab.limits().time().toSeconds() + " s");
                break;
            }
            int before = pending.size();
            String trouble = runOneJvm();
            fruitless = pending.size() < before ? 0 : fruitless + 1;
            if (fruitless >= FRUITLESS_JVMS) {
                failPending("not run: the check JVM ended before running it: " + trouble);
            }
        }
        return lab.checks().stream().map(c -> results.get(c.id())).toList();
    }

    Duration jvmStart() {
        return Duration.ofNanos(jvmStartNanos);
    }

    Duration checks() {
        return Duration.ofNanos(checksNanos);
    }

    /** Runs the pending checks in one JVM until it is done, ends or is killed; says why when it ended early. */
    private String runOneJvm() throws InterruptedException {
        long launched = System.nanoTime();
        long ready = -1;
        CheckJvm jvm;
        try {
            jvm = CheckJvm.start(classpath, lab.limits(), redis, List.copyOf(pending.values()), workDir);
        } catch (IOException e) {
            jvmStartNanos += System.nanoTime() - launched;
            return e.getMessage();
        }
        try (jvm) {
            String running = null;
            long runningSince = 0;
            long due = System.nanoTime() + READY_WITHIN.toNanos();
            while (true) {
                Optional<RunnerMessage> next = jvm.next(Math.min(due, deadline));
                long now = System.nanoTime();
                if (next.isEmpty()) {
                    jvm.close();
                    if (running != null) {
                        fail(running, now - runningSince, due <= deadline
                                ? "timed out after " + check(running).timeout().toSeconds() + " s"
                                : "stopped: the submission's time limit of " + lab.limits().time().toSeconds()
                                + " s ran out during this check");
                    }
                    account(launched, ready, now);
                    return "it stopped answering: " + jvm.console();
                }
                RunnerMessage message = next.get();
                if (CheckJvm.isClosed(message)) {
                    String status = jvm.exitStatus().map(String::valueOf).orElse("unknown");
                    if (running != null) {
                        fail(running, now - runningSince, "the JVM exited with status " + status + " during this check");
                    }
                    account(launched, ready, now);
                    return "exit status " + status + ": " + jvm.console();
                }
                switch (message.kind()) {
                    case READY -> {
                        ready = now;
                        due = now + BETWEEN_CHECKS.toNanos();
                    }
                    case STARTED -> {
                        running = message.checkId();
                        runningSince = now;
                        due = now + check(running).timeout().toNanos();
                    }
                    case FINISHED -> {
                        boolean startedHere = message.checkId().equals(running);
                        judge(message, startedHere, startedHere ? now - runningSince : 0);
                        running = null;
                        due = now + BETWEEN_CHECKS.toNanos();
                    }
                    case DONE -> {
                        account(launched, ready, now);
                        failPending("the check runner did not report this check");
                        return "";
                    }
                }
            }
        }
    }

    private void judge(RunnerMessage message, boolean startedHere, long nanos) {
        String id = message.checkId();
        if (!pending.containsKey(id)) {
            return;
        }
        String cutAt = "output cut at " + lab.limits().outputKib() + " KiB";
        String output = message.outputCut() ? message.output() + "\n[" + cutAt + "]" : message.output();
        Duration time = Duration.ofNanos(nanos);
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

    private void account(long launched, long ready, long ended) {
        if (ready < 0) {
            jvmStartNanos += ended - launched;
        } else {
            jvmStartNanos += ready - launched;
            checksNanos += ended - ready;
        }
    }
}
