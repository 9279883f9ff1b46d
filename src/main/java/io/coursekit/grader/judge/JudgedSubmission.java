package io.coursekit.grader.judge;

import io.coursekit.grader.JudgeMessage;
import io.coursekit.grader.JudgeOrder;
import io.coursekit.grader.JudgeSetup;
import io.coursekit.grader.Reason;
import io.coursekit.lab.check.AppServer;
import io.coursekit.lab.check.LabRedis;
import io.coursekit.lab.check.Notes;
import io.coursekit.lab.check.StudentClassError;
import io.coursekit.lab.check.StudentGone;
import io.coursekit.lab.check.StudentThrew;
import io.coursekit.redis.FaultProxy;
import io.coursekit.rpc.Message;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The checks of one submission: runs them with the JUnit Platform Launcher and reports each. Before every check
 * Redis is emptied, the proxy restored, and a student JVM that a call is still stuck in replaced. The judge's own
 * watchdog stops a check at its timeout by killing the student JVMs it waits for; what it saw (a time-out, a JVM that
 * ended, printing past the limit) outranks what the check's code concluded.
 */
final class JudgedSubmission implements TestExecutionListener, StudentJvm.Listener, AppServer.Backend,
        LabRedis.Control, Notes.Sink {
    private static final int STACK_LINES = 25;

    private final JudgeOrder order;
    private final JudgeSetup setup;
    private final StudentJvms jvms;
    private final FaultProxy proxy;
    private final RedisCommands<String, String> admin;
    private final Consumer<JudgeMessage> report;
    private final ScheduledExecutorService watchdog;
    private final Message.Load classes;
    private final long deadline;
    private final Thread checksThread = Thread.currentThread();
    private final StudentJvm[] servers = new StudentJvm[2];
    /** Check ids by {@code class#method}, each removed once its result is sent. */
    private final Map<String, String> unreported = new LinkedHashMap<>();
    private final Map<String, Long> timeouts = new HashMap<>();
    private final Map<String, String> classProblems = new HashMap<>();
    private volatile RunningCheck current;
    private ScheduledFuture<?> alarm;

    JudgedSubmission(JudgeOrder order, JudgeSetup setup, StudentJvms jvms, FaultProxy proxy,
                     RedisCommands<String, String> admin, Consumer<JudgeMessage> report,
                     ScheduledExecutorService watchdog, Message.Load classes) {
        this.order = order;
        this.setup = setup;
        this.jvms = jvms;
        this.proxy = proxy;
        this.admin = admin;
        this.report = report;
        this.watchdog = watchdog;
        this.classes = classes;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(order.deadline() - System.currentTimeMillis());
        for (JudgeOrder.TimedCheck check : order.checks()) {
            unreported.put(check.method().className() + "#" + check.method().methodName(), check.method().checkId());
            timeouts.put(check.method().checkId(), check.timeoutSeconds());
        }
    }

    /** Runs and reports every check, then ends the submission's JVMs. */
    void run(Launcher launcher) {
        AppServer.install(this);
        LabRedis.install(this);
        Notes.install(this);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        order.checks().forEach(c -> request.selectors(DiscoverySelectors.selectMethod(c.method().className(),
                c.method().methodName())));
        try {
            launcher.execute(request.build(), this);
        } finally {
            for (Map.Entry<String, String> left : Map.copyOf(unreported).entrySet()) {
                String className = left.getKey().substring(0, left.getKey().indexOf('#'));
                finish(new RunningCheck(left.getValue(), setup.outputBytes()), new Reason.CheckSkipped(
                        classProblems.getOrDefault(className, "JUnit did not run " + left.getKey())), false);
            }
            for (int i = 0; i < servers.length; i++) {
                end(i);
            }
        }
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        String id = checkId(test);
        if (id == null) {
            return;
        }
        RunningCheck check = new RunningCheck(id, setup.outputBytes());
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            check.notRun(new Reason.TimeUsedUp(order.timeLimitSeconds()));
        } else {
            try {
                admin.flushall();
            } catch (RuntimeException e) {
                check.stop(new Reason.GraderTrouble("could not empty Redis before this check: " + e.getMessage()));
            }
            proxy.restore();
            synchronized (this) {
                for (int i = 0; i < servers.length; i++) {
                    // a call still stuck in a JVM from the last check would go on beside this one, and a JVM run out
                    // of memory or threads would fail this check for the last one's doing
                    if (servers[i] != null && (servers[i].unanswered() > 0 || !servers[i].alive()
                            || servers[i].exhausted())) {
                        end(i);
                    }
                }
            }
            long timeout = TimeUnit.SECONDS.toNanos(timeouts.get(id));
            boolean limitFirst = left < timeout;
            alarm = watchdog.schedule(() -> timeUp(check, limitFirst ? new Reason.TimeLimitReached(order.timeLimitSeconds())
                    : new Reason.TimedOut(timeouts.get(id))), Math.min(left, timeout), TimeUnit.NANOSECONDS);
        }
        current = check;
        report.accept(new JudgeMessage.Started(id));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String id = checkId(test);
        if (id == null) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                    && test.getSource().orElse(null) instanceof ClassSource source) {
                classProblems.put(source.getClassName(),
                        result.getThrowable().map(JudgedSubmission::describe).orElse("the check class failed"));
            }
            return;
        }
        RunningCheck check = current;
        if (alarm != null) {
            alarm.cancel(false);
        }
        synchronized (this) {
            // an interrupt meant to unblock the check must not reach the next one: timeUp interrupts only while
            // this check is current, under this lock
            current = null;
            Thread.interrupted();
        }
        Throwable thrown = result.getThrowable().orElse(null);
        Reason reason = check.stopped();
        if (reason == null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            reason = check.ranOutOfMemory() ? new Reason.OutOfMemory(setup.heapMb()) : reason(thrown, result, check);
        }
        finish(check, reason, check.ran());
    }

    @Override
    public void executionSkipped(TestIdentifier test, String why) {
        String id = checkId(test);
        if (id != null) {
            finish(new RunningCheck(id, setup.outputBytes()), new Reason.CheckSkipped(why), false);
        } else if (test.getSource().orElse(null) instanceof ClassSource source) {
            classProblems.put(source.getClassName(), "skipped: " + why);
        }
    }

    private void finish(RunningCheck check, Reason reason, boolean ran) {
        Reason shown = check.output.cut() ? new Reason.OutputCut(setup.outputBytes() / 1024, reason) : reason;
        report.accept(new JudgeMessage.Finished(check.id, shown == null, ran, shown, check.output.text(), check.notes(),
                check.millis()));
        unreported.values().remove(check.id);
    }

    private Reason reason(Throwable thrown, TestExecutionResult result, RunningCheck check) {
        if (thrown == null) {
            return new Reason.CheckSkipped("the check failed without saying why");
        }
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            return new Reason.CheckSkipped("aborted: " + describe(thrown));
        }
        if (thrown instanceof StudentClassError problem) {
            return new Reason.StudentClassProblem(problem.problem(), problem.className(), problem.detail(),
                    order.constructor());
        }
        if (thrown instanceof StudentThrew threw) {
            return new Reason.StudentThrew(threw.type(), threw.thrownMessage(), threw.at());
        }
        if (thrown instanceof StudentGone gone) {
            return new Reason.GraderTrouble(gone.getMessage());
        }
        if (!(thrown instanceof AssertionError) || thrown.getCause() != null) {
            check.output.add(stackTrace(thrown), false);
        }
        return new Reason.Said(describe(thrown));
    }

    /** The check's time is up: kill what it waits for, so it returns, and say why it failed. */
    private void timeUp(RunningCheck check, Reason why) {
        synchronized (this) {
            if (current != check) {
                return;
            }
            check.stop(why);
            for (int i = 0; i < servers.length; i++) {
                end(i);
            }
            checksThread.interrupt();
        }
    }

    private synchronized void end(int server) {
        if (servers[server] != null) {
            servers[server].close();
            servers[server] = null;
        }
    }

    private synchronized StudentJvm server(int index) {
        RunningCheck check = current;
        if (check == null) {
            throw new IllegalStateException("the student's code is only reachable during a check");
        }
        if (check.stopped() != null) {
            throw new StudentGone("the check was stopped");
        }
        if (servers[index] == null || !servers[index].alive()) {
            end(index);
            try {
                StudentJvm jvm = jvms.take();
                jvm.listen(this);
                jvm.load(classes);
                servers[index] = jvm;
            } catch (IOException e) {
                check.stop(new Reason.GraderTrouble("could not start the submission's JVM: " + e.getMessage()));
                throw new StudentGone(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StudentGone("interrupted");
            }
        }
        return servers[index];
    }

    @Override
    public <T> T newInstance(int server, Class<T> api, Object... callbacks) {
        return server(server).create(api, order.apiPackage(), order.studentClass(), callbacks);
    }

    @Override
    public Duration roundTrip(int server) {
        return server(server).roundTrip();
    }

    @Override
    public RedisCommands<String, String> commands() {
        return admin;
    }

    @Override
    public void cut() {
        proxy.cut();
    }

    @Override
    public void restore() {
        proxy.restore();
    }

    @Override
    public void add(String note) {
        RunningCheck check = current;
        if (check != null) {
            check.note(note);
        }
    }

    @Override
    public void printed(StudentJvm jvm, String text, boolean cut) {
        RunningCheck check = current;
        if (check != null) {
            check.output.add(text, cut);
        }
    }

    @Override
    public void ended(StudentJvm jvm, int status) {
        RunningCheck check = current;
        if (check != null && isServer(jvm)) {
            check.stop(new Reason.StudentJvmEnded(status));
        }
    }

    @Override
    public void broke(StudentJvm jvm, String what) {
        RunningCheck check = current;
        if (check != null && isServer(jvm)) {
            check.stop(new Reason.BrokeChannel(what));
        }
    }

    @Override
    public void threw(StudentJvm jvm, Message.Threw threw) {
        RunningCheck check = current;
        if (check != null && threw.type().equals(OutOfMemoryError.class.getName())) {
            check.outOfMemory();
        }
    }

    private synchronized boolean isServer(StudentJvm jvm) {
        return servers[0] == jvm || servers[1] == jvm;
    }

    private String checkId(TestIdentifier test) {
        if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
            return unreported.get(method.getClassName() + "#" + method.getMethodName());
        }
        return null;
    }

    static String describe(Throwable thrown) {
        if (thrown instanceof AssertionError && thrown.getMessage() != null) {
            return thrown.getMessage();
        }
        String text = thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        Throwable cause = thrown.getCause();
        return cause == null || cause == thrown ? text : text + " (caused by " + describe(cause) + ")";
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        String[] lines = trace.toString().split("\n");
        StringBuilder kept = new StringBuilder("\n--- stack trace ---\n");
        for (int i = 0; i < Math.min(lines.length, STACK_LINES); i++) {
            kept.append(lines[i]).append('\n');
        }
        if (lines.length > STACK_LINES) {
            kept.append("\t... ").append(lines.length - STACK_LINES).append(" more lines\n");
        }
        return kept.toString();
    }
}
