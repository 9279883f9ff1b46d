package io.coursekit.grader;

import io.coursekit.rpc.Channel;
import io.coursekit.rpc.Message;
import io.coursekit.rpc.Peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The grader's end of a compile server ({@code io.coursekit.sandbox.CompileServer}): a JVM in a sandbox that sees
 * only the JDK, the student libraries and the lab's API, kept warm from one submission to the next. A compilation
 * that takes too long, or runs the compiler out of memory, ends that JVM, and the next submission gets a new one.
 */
final class SandboxedCompiler implements AutoCloseable {
    static final String LIBRARIES = "/coursekit/student.jar";
    static final String API = "/coursekit/api.jar";
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final String WARM_UP = "Warm.java";
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{javaJavaIdentifierPart}$]+(\\.[\\p{javaJavaIdentifierPart}$]+)*");

    private final Sandbox sandbox;
    private final List<Sandbox.Bind> binds;
    private final int heapMb;
    private Process process;
    private Peer peer;

    /** The outcome: the classes, or javac's errors, or why the compiler was stopped. */
    record Outcome(Map<String, byte[]> classes, String errors, Reason stopped) {
        boolean compiled() {
            return stopped == null && errors.isEmpty();
        }
    }

    SandboxedCompiler(Sandbox sandbox, Path studentLibraries, Path apiJar, int heapMb) {
        this.sandbox = sandbox;
        this.binds = List.of(Sandbox.Bind.readOnly(studentLibraries, LIBRARIES), Sandbox.Bind.readOnly(apiJar, API));
        this.heapMb = heapMb;
    }

    /** Starts the compiler's JVM now, so the first submission does not wait for it. */
    synchronized void start() {
        if (process == null) {
            try {
                launch();
            } catch (IOException e) {
                // compile() tries again and says why it cannot
            }
        }
    }

    synchronized Outcome compile(SubmissionSources sources, Duration limit) {
        try {
            if (process == null) {
                launch();
            }
            // the submission's time starts once the compiler is up: its start is the grader's cost, not the student's
            long started = System.nanoTime();
            Message.CompileResult result;
            Message reply = peer.request(new Message.Compile(peer.nextId(), sources.files(),
                    List.of(sandbox.inside(binds.get(0)), sandbox.inside(binds.get(1)))),
                    Math.max(1, limit.toMillis() - (System.nanoTime() - started) / 1_000_000));
            if (reply instanceof Message.Threw threw) {
                end();
                return stopped(threw.type().equals(OutOfMemoryError.class.getName())
                        ? new Reason.CompilerStopped(Reason.CompilerStopped.Limit.MEMORY, heapMb)
                        : new Reason.CompilerStopped(Reason.CompilerStopped.Limit.ENDED, -1));
            }
            result = (Message.CompileResult) reply;
            return new Outcome(decode(result.classes()), result.errors(), null);
        } catch (TimeoutException e) {
            end();
            return stopped(new Reason.CompilerStopped(Reason.CompilerStopped.Limit.TIME, limit.toSeconds()));
        } catch (IOException | ClassCastException e) {
            int status = exitStatus();
            end();
            return stopped(new Reason.CompilerStopped(Reason.CompilerStopped.Limit.ENDED, status));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end();
            throw new IllegalStateException("interrupted while compiling", e);
        }
    }

    @Override
    public synchronized void close() {
        end();
    }

    private void launch() throws IOException {
        List<String> program = new ArrayList<>(Sandbox.java(heapMb));
        program.addAll(List.of("-cp", sandbox.inside(binds.get(0)), "io.coursekit.sandbox.CompileServer"));
        process = Sandbox.processOf(sandbox.command(binds, limits(), program))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        peer = new Peer(new Channel(process.getInputStream(), process.getOutputStream(), Channel.GRADER_FRAMES),
                request -> new Message.Threw(request.id(), "java.lang.UnsupportedOperationException", "", ""),
                printed -> { }, Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "compiler-answers");
                    thread.setDaemon(true);
                    return thread;
                }));
        var ready = peer.expect(0);
        peer.start("compiler-reader");
        try {
            ready.get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            // javac's first compilation loads javac itself, seconds on a loaded machine: never a student's
            peer.request(new Message.Compile(peer.nextId(), Map.of(WARM_UP, "final class Warm {\n}\n"),
                    List.of(sandbox.inside(binds.get(0)), sandbox.inside(binds.get(1)))), READY_WITHIN.toMillis());
        } catch (Exception e) {
            int status = exitStatus();
            end();
            throw new IOException("the compiler's JVM did not start (exit status " + status + ")");
        }
    }

    private Sandbox.Limits limits() {
        return new Sandbox.Limits(heapMb + Sandbox.JVM_NATIVE_MB, 128, 64, 600, 512, 256);
    }

    private static Outcome stopped(Reason why) {
        return new Outcome(Map.of(), "", why);
    }

    private static Map<String, byte[]> decode(Map<String, String> classes) {
        Map<String, byte[]> decoded = new java.util.LinkedHashMap<>();
        classes.forEach((name, base64) -> {
            if (CLASS_NAME.matcher(name).matches()) {
                decoded.put(name, Base64.getDecoder().decode(base64));
            }
        });
        return decoded;
    }

    /** Writes the classes under {@code folder}, one file per class as javac lays them out. */
    static void write(Map<String, byte[]> classes, Path folder) throws IOException {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Path file = folder.resolve(entry.getKey().replace('.', '/') + ".class").normalize();
            if (!file.startsWith(folder)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
    }

    private int exitStatus() {
        try {
            return process != null && process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void end() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            peer.close();
        }
        process = null;
        peer = null;
    }
}
