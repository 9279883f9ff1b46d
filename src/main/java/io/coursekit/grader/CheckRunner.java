package io.coursekit.grader;

import io.coursekit.grader.check.LabRedis;
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
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.LogManager;

/**
 * The main class of a check JVM. Reads its {@link RunnerOrders} from standard input, puts a {@link FaultProxy} in
 * front of Redis, runs the ordered checks with the JUnit Platform Launcher and reports each one over the private
 * socket. Before every check Redis is emptied and the proxy restored. Student code runs in this JVM and may end it
 * at any moment; the grader then starts another one for the checks that are left.
 */
public final class CheckRunner implements TestExecutionListener {
    private static final int STACK_LINES = 25;

    private final DataOutputStream channel;
    private final RunnerOrders orders;
    private final FaultProxy proxy;
    private final CapturedOutput output;
    /** Check ids by {@code class#method}, each removed once its result is sent. */
    private final Map<String, String> unreported = new LinkedHashMap<>();
    private final Map<String, String> classProblems = new HashMap<>();
    private String running;
    private long runningSince;
    private String setupProblem;

    private CheckRunner(DataOutputStream channel, RunnerOrders orders, FaultProxy proxy, CapturedOutput output) {
        this.channel = channel;
        this.orders = orders;
        this.proxy = proxy;
        this.output = output;
        orders.checks().forEach(c -> unreported.put(c.className() + "#" + c.methodName(), c.checkId()));
    }

    public static void main(String[] args) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        RunnerOrders setup = RunnerOrders.readSetup(stdin);
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
        System.setOut(output.printStream());
        System.setErr(output.printStream());
        send(channel, RunnerMessage.ready(ManagementFactory.getRuntimeMXBean().getUptime()));
        RunnerOrders orders = setup.withChecks(stdin);
        System.setIn(InputStream.nullInputStream());
        new CheckRunner(channel, orders, proxy, output).run(launcher);
        // halt: student threads or shutdown hooks must not keep this JVM alive or change its exit
        Runtime.getRuntime().halt(0);
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

    private void run(Launcher launcher) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        orders.checks().forEach(c -> request.selectors(DiscoverySelectors.selectMethod(c.className(), c.methodName())));
        LauncherDiscoveryRequest discovery = request.build();
        try {
            launcher.execute(discovery, this);
        } catch (Throwable unrecoverable) {
            // JUnit rethrows OutOfMemoryError; this JVM is not to be trusted for the checks left
            if (running != null) {
                finish(running, false, describe(unrecoverable), "");
            }
            return;
        }
        for (var check : orders.checks()) {
            String id = check.checkId();
            if (unreported.containsValue(id)) {
                String why = classProblems.getOrDefault(check.className(), "JUnit did not run " + check.label());
                finish(id, false, "did not run: " + why, "");
            }
        }
        send(channel, RunnerMessage.done());
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        String id = checkId(test);
        if (id == null) {
            return;
        }
        setupProblem = null;
        try {
            RedisWire.call(orders.redis(), "FLUSHALL");
        } catch (IOException e) {
            setupProblem = "the grader could not empty Redis before this check: " + e.getMessage();
        }
        proxy.restore();
        output.clear();
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
        send(channel, RunnerMessage.finished(id, passed, reason, printed + trace, output.cut(), millis));
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
