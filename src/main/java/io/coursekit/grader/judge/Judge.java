package io.coursekit.grader.judge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coursekit.grader.JudgeMessage;
import io.coursekit.grader.JudgeOrder;
import io.coursekit.grader.JudgeSetup;
import io.coursekit.redis.FaultProxy;
import io.coursekit.rpc.Message;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * The main class of a judge JVM: the lab's checks run here, and nothing of the student's is ever loaded here. It
 * reads its {@link JudgeSetup} and then one {@link JudgeOrder} per line on standard input, starts the submission's
 * own JVMs in their sandboxes ahead of need, and reports on standard output, one {@link JudgeMessage} per line.
 * It ends when the grader closes its input, or when the grader itself ends.
 */
public final class Judge {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /**
     * One JVM always waiting: the first app server is ready when the submission's checks start, the second starts as
     * the first is taken, long before a check needs it. Every JVM left waiting at the end is killed unused, so more
     * would only burn CPU the checks need.
     */
    private static final int JVMS_AHEAD = 1;

    private Judge() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream reports = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // a check that prints must not write into the grader's channel
        System.setOut(System.err);
        BufferedReader orders = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.setIn(InputStream.nullInputStream());
        // a grader that is killed outright cannot end this JVM, and a check that never ends would keep it running
        ProcessHandle.current().parent().ifPresent(grader -> grader.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
        JudgeSetup setup = JSON.readValue(orders.readLine(), JudgeSetup.class);
        Path redisDir = Files.createTempDirectory("coursekit-judge-");
        // the sandbox's user connects to the socket in it
        Files.setPosixFilePermissions(redisDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        FaultProxy proxy = FaultProxy.start(redisDir.resolve(JudgeSetup.REDIS_SOCKET), setup.redis());
        List<String> command = setup.studentCommand().stream()
                .map(part -> part.replace(JudgeSetup.REDIS_DIR, redisDir.toString())).toList();
        StudentJvms jvms = new StudentJvms(command, JVMS_AHEAD, setup.archiveGraceMillis());
        jvms.fill();
        // Lettuce logs through java.util.logging; its reconnect warnings would fill the reports
        LogManager.getLogManager().reset();
        RedisCommands<String, String> admin = RedisClient.create(setup.redis().admin().toString()).connect().sync();
        admin.ping();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "judge-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        report(reports, new JudgeMessage.Ready(ManagementFactory.getRuntimeMXBean().getUptime()));
        ClassLoader judge = Thread.currentThread().getContextClassLoader();
        for (String line; (line = orders.readLine()) != null; ) {
            JudgeOrder order = JSON.readValue(line, JudgeOrder.class);
            setup.redis().reset();
            try (URLClassLoader checks = new URLClassLoader("checks", new URL[] {order.checksJar().toUri().toURL()}, judge)) {
                // JUnit finds the check classes through it
                Thread.currentThread().setContextClassLoader(checks);
                new JudgedSubmission(order, setup, jvms, proxy, admin, message -> report(reports, message), watchdog,
                        load(order)).run(launcher);
            } finally {
                Thread.currentThread().setContextClassLoader(judge);
            }
            report(reports, new JudgeMessage.Done());
        }
        jvms.close();
        Runtime.getRuntime().halt(0);
    }

    /** The submission's classes, as the student JVMs are sent them. */
    private static Message.Load load(JudgeOrder order) throws IOException {
        Map<String, String> classes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(order.classes())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = order.classes().relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                classes.put(name.substring(0, name.length() - ".class".length()),
                        Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Message.Load(0, classes, order.studentClass(), order.redis());
    }

    private static void report(PrintStream reports, JudgeMessage message) {
        try {
            synchronized (reports) {
                reports.println(JSON.writeValueAsString(message));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
