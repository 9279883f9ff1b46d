package io.coursekit.grader;

import io.coursekit.lab.check.LabRedis;
import io.coursekit.redis.FaultProxy;
import io.coursekit.redis.RedisWire;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.logging.LogManager;

/**
 * The main class of a check JVM. Reads its {@link RunnerOrders} from standard input, puts a {@link FaultProxy} in
 * front of Redis, and then grades one submission after another: it runs the ordered checks with the JUnit Platform
 * Launcher, the lab's checks and the submission's classes in a class loader of their own, and reports each check over
 * the private socket. Before every check Redis is emptied and the proxy restored. After a submission it says whether
 * the submission left {@link Leftovers}, in which case the grader ends this JVM. Student code runs in this JVM and
 * may end it at any moment; the grader then starts another one for the checks that are left.
 */
public final class CheckRunner implements TestExecutionListener {
    private static final int STACK_LINES = 25;

    private final DataOutputStream channel;
    private final URI redis;
    private final FaultProxy proxy;
    private final CapturedOutput output;
    private final Optional<ExitGuard> exitGuard;
    private final List<CheckMethod> checks;
    /** Check ids by {@code class#method}, each removed once its result is sent. */
    private final Map<String, String> unreported = new LinkedHashMap<>();
    private final Map<String, String> classProblems = new HashMap<>();
    private String running;
    private long runningSince;
    private String setupProblem;

    private CheckRunner(DataOutputStream channel, RunnerOrders setup, FaultProxy proxy, CapturedOutput output,
                        Optional<ExitGuard> exitGuard, List<CheckMethod> checks) {
        this.channel = channel;
        this.redis = setup.redis();
        this.proxy = proxy;
        this.output = output;
        this.exitGuard = exitGuard;
        this.checks = checks;
        checks.forEach(c -> unreported.put(c.className() + "#" + c.methodName(), c.checkId()));
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.setIn(InputStream.nullInputStream());
        RunnerOrders setup = RunnerOrders.readSetup(stdin);
        // a grader that is killed outright cannot end this JVM, and a check that never ends would keep it running
        ProcessHandle.current().parent().ifPresent(grader -> grader.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), setup.reportPort());
        DataOutputStream channel = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        FaultProxy proxy = FaultProxy.start(setup.redis().getHost(), RedisWire.port(setup.redis()));
        LabRedis.install(new ProxiedRedis(through(setup.redis(), proxy.port()), proxy));
        // Lettuce logs through java.util.logging here; its reconnect warnings would fill the students' output
        LogManager.getLogManager().reset();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        warmUp(LabRedis.uri());
        CapturedOutput output = new CapturedOutput(setup.outputCap());
        Optional<ExitGuard> exitGuard = ExitGuard.install();
        send(channel, RunnerMessage.ready(ManagementFactory.getRuntimeMXBean().getUptime()));
        ClassLoader runner = Thread.currentThread().getContextClassLoader();
        for (Optional<RunnerOrders.Order> order; (order = RunnerOrders.readOrder(stdin)).isPresent(); ) {
            Leftovers before = Leftovers.before();
            System.setOut(output.printStream());
            System.setErr(output.printStream());
            boolean finished;
            try (URLClassLoader submission = new URLClassLoader("submission", urls(order.get().classpath()), runner)) {
                // JUnit finds the check classes through it, and they find the submission's classes
                Thread.currentThread().setContextClassLoader(submission);
                finished = new CheckRunner(channel, setup, proxy, output, exitGuard, order.get().checks()).run(launcher);
            } finally {
                Thread.currentThread().setContextClassLoader(runner);
            }
            if (!finished) {
                break;
            }
            Optional<String> left = before.after()
                    .or(() -> exitGuard.flatMap(ExitGuard::takeExit).map(s -> "System.exit(" + s + ") outside any check"));
            send(channel, RunnerMessage.done(left));
        }
        // halt: student threads or shutdown hooks must not keep this JVM alive or change its exit
        Runtime.getRuntime().halt(0);
    }

    private static URL[] urls(List<Path> classpath) throws MalformedURLException {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classpath.get(i).toUri().toURL();
        }
        return urls;
    }

    /** Connects once through the proxy while the grader still compiles, so the first check does not pay for it. */
    private static void warmUp(String uri) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            // warming up only saves time: a check meets any real Redis problem itself
        }
        client.shutdownAsync();
    }

    /** Runs and reports the checks; false when this JVM is not to be trusted any more. */
    private boolean run(Launcher launcher) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        checks.forEach(c -> request.selectors(DiscoverySelectors.selectMethod(c.className(), c.methodName())));
        LauncherDiscoveryRequest discovery = request.build();
        try {
            launcher.execute(discovery, this);
        } catch (Throwable unrecoverable) {
            // JUnit rethrows OutOfMemoryError; this JVM is not to be trusted for the checks left
            if (running != null) {
                finish(running, false, describe(unrecoverable), "");
            }
            return false;
        }
        for (var check : checks) {
            String id = check.checkId();
            if (unreported.containsValue(id)) {
                String why = classProblems.getOrDefault(check.className(), "JUnit did not run " + check.label());
                finish(id, false, "did not run: " + why, "");
            }
        }
        return true;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        String id = checkId(test);
        if (id == null) {
            return;
        }
        setupProblem = null;
        try {
            RedisWire.call(redis, "FLUSHALL");
        } catch (IOException e) {
            setupProblem = "the grader could not empty Redis before this check: " + e.getMessage();
        }
        proxy.restore();
        output.clear();
        exitGuard.ifPresent(ExitGuard::takeExit);
        running = id;
        runningSince = System.nanoTime();
        send(channel, RunnerMessage.started(id));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String id = checkId(test);
        if (id == null) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                    && test.getSource().orElse(null) instanceof ClassSource source) {
                classProblems.put(source.getClassName(),
                        result.getThrowable().map(CheckRunner::describe).orElse("the check class failed"));
            }
            return;
        }
        Throwable thrown = result.getThrowable().orElse(null);
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL && setupProblem == null;
        String reason = passed ? "" : setupProblem != null ? setupProblem
                : thrown == null ? "the check failed without saying why"
                : (result.getStatus() == TestExecutionResult.Status.ABORTED ? "aborted: " : "") + describe(thrown);
        boolean plainAssertion = thrown instanceof AssertionError && thrown.getCause() == null;
        finish(id, passed, reason, thrown == null || plainAssertion ? "" : stackTrace(thrown));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        String id = checkId(test);
        if (id != null) {
            finish(id, false, "skipped: " + reason, "");
        } else if (test.getSource().orElse(null) instanceof ClassSource source) {
            classProblems.put(source.getClassName(), "skipped: " + reason);
        }
    }

    private void finish(String id, boolean passed, String reason, String trace) {
        String printed = output.text();
        long millis = id.equals(running) ? (System.nanoTime() - runningSince) / 1_000_000 : 0;
        Optional<String> exit = exitGuard.flatMap(ExitGuard::takeExit)
                .map(status -> "the submission called System.exit(" + status + ") during this check");
        send(channel, RunnerMessage.finished(id, passed && exit.isEmpty(), exit.orElse(reason), printed + trace,
                output.cut(), millis));
        unreported.values().remove(id);
        running = null;
    }

    private String checkId(TestIdentifier test) {
        if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
            return unreported.get(method.getClassName() + "#" + method.getMethodName());
        }
        return null;
    }

    private static void send(DataOutputStream channel, RunnerMessage message) {
        try {
            message.write(channel);
        } catch (IOException e) {
            // the grader is gone: nobody is left to report to
            Runtime.getRuntime().halt(1);
        }
    }

    static String describe(Throwable thrown) {
        if (thrown instanceof OutOfMemoryError) {
            return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("-Xmx")).findFirst()
                    .map(a -> "ran out of memory (the check JVM's heap is limited to " + a.substring(4).toUpperCase() + "B)")
                    .orElse("ran out of memory");
        }
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

    /** The same Redis address with the proxy's host and port, so credentials and database still apply. */
    private static String through(URI redis, int proxyPort) {
        try {
            return new URI(redis.getScheme(), redis.getUserInfo(), "127.0.0.1", proxyPort, redis.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(redis.toString(), e);
        }
    }

    private record ProxiedRedis(String uri, FaultProxy proxy) implements LabRedis.Control {
        @Override
        public void cut() {
            proxy.cut();
        }

        @Override
        public void restore() {
            proxy.restore();
        }
    }
}
