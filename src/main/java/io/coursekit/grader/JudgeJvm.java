package io.coursekit.grader;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One judge JVM as the grader sees it: a process to watch and kill, the orders it is given and the messages it sends.
 * It runs only the lab's checks and coursekit, never a student's class, so it may judge one submission after another.
 */
final class JudgeJvm implements AutoCloseable {
    /** By name: the judge depends on this package, not the other way round. */
    private static final String MAIN = "io.coursekit.grader.judge.Judge";
    private static final int CONSOLE_TAIL_BYTES = 4096;
    private static final int HEAP_MB = 384;
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Process process;
    private final Path workDir;
    private final ConsoleTail console;
    private final BlockingQueue<JudgeMessage> messages = new LinkedBlockingQueue<>();
    private final Duration exitGrace;
    private int submissions;

    /**
     * How the judge JVMs of one lab start.
     *
     * @param classpath  the judge's libraries and the lab's API; the checks get a class loader of their own per order
     * @param vmOptions  besides the heap: the class archive to use or to write
     * @param exitGrace  how long a judge may take to end by itself (writing its class archive) before it is killed
     */
    record Launch(List<String> classpath, List<String> vmOptions, JudgeSetup setup, Duration exitGrace) {
    }

    private JudgeJvm(Process process, Path workDir, ConsoleTail console, Duration exitGrace) {
        this.process = process;
        this.workDir = workDir;
        this.console = console;
        this.exitGrace = exitGrace;
    }

    /** Starts a judge in a new working folder and gives it its set-up, without waiting: it warms up meanwhile. */
    static JudgeJvm launch(Launch launch) throws IOException {
        Path workDir = ScratchFolder.create("coursekit-judge-");
        // the sandbox's user must reach the fault proxy's socket inside it
        CacheSeal.readableByAll(workDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:-UsePerfData", "-Dfile.encoding=UTF-8", "-Duser.language=en", "-Djava.io.tmpdir=" + workDir));
        command.addAll(launch.vmOptions());
        command.addAll(List.of("-cp", String.join(File.pathSeparator, launch.classpath()), MAIN));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        } catch (IOException e) {
            ScratchFolder.delete(workDir);
            throw e;
        }
        JudgeJvm jvm = new JudgeJvm(process, workDir, ConsoleTail.drain(process.getErrorStream(), CONSOLE_TAIL_BYTES),
                launch.exitGrace());
        jvm.read();
        jvm.send(launch.setup());
        return jvm;
    }

    /** Gives the judge a submission to check. */
    void run(JudgeOrder order) {
        submissions++;
        send(order);
    }

    /** How many submissions it was given, the one it checks included. */
    int submissions() {
        return submissions;
    }

    /** The next message, or empty when none came by {@code deadline} (System.nanoTime); the last is {@link JudgeMessage.Ended}. */
    Optional<JudgeMessage> next(long deadline) throws InterruptedException {
        return Optional.ofNullable(messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    }

    /** The JVM's exit status once it has ended, waiting a moment for it; empty when it is still running. */
    Optional<Integer> exitStatus() throws InterruptedException {
        return process.waitFor(2, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** The last lines the judge wrote to its console. */
    String console() {
        return console.text();
    }

    /** Ends the judge: closes its orders, gives it its grace time to end, then kills it and what it started. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!exitGrace.isZero()) {
                process.waitFor(exitGrace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            // it has ended already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ScratchFolder.delete(workDir);
    }

    private void send(Object order) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((JSON.writeValueAsString(order) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // the judge has ended: its reader says so
        }
    }

    private void read() {
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    messages.add(JSON.readValue(line, JudgeMessage.class));
                }
            } catch (IOException e) {
                // a broken message is treated like a judge that ended
            } finally {
                messages.add(new JudgeMessage.Ended());
            }
        }, "judge-reader");
        reader.setDaemon(true);
        reader.start();
    }
}
