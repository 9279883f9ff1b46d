package io.coursekit.grader.judge;

import io.coursekit.grader.Sandbox;
import io.coursekit.lab.check.StudentClassError;
import io.coursekit.lab.check.StudentGone;
import io.coursekit.lab.check.StudentThrew;
import io.coursekit.rpc.Channel;
import io.coursekit.rpc.Message;
import io.coursekit.rpc.Peer;
import io.coursekit.rpc.Remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One of the submission's JVMs, as the judge sees it: a sandboxed process it can kill, spoken to only through a
 * {@link Peer}. The student's objects there are proxies here; the check's objects handed to them are answered here,
 * only through the lab API interfaces they implement. Everything the process says or prints is bounded.
 */
final class StudentJvm implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    /** Callbacks answered at once; a submission calling back faster than this gets refusals, not more threads. */
    private static final int CALLBACK_THREADS = 64;
    private static final int CONSOLE_TAIL_CHARS = 2000;

    /** Where the JVM's news goes: what it printed, its end, the errors its calls threw. */
    interface Listener {
        void printed(StudentJvm jvm, String text, boolean cut);

        void ended(StudentJvm jvm, int status);

        /** It wrote something to the channel that is not a message, and was ended for it. */
        void broke(StudentJvm jvm, String what);

        void threw(StudentJvm jvm, Message.Threw threw);
    }

    private final Process process;
    private final long graceMillis;
    private final Peer peer;
    private final CompletableFuture<Message> ready;
    private final Map<Long, Callback> callbacks = new ConcurrentHashMap<>();
    private final AtomicLong handles = new AtomicLong();
    private volatile Listener listener;
    private volatile boolean killed;
    private volatile boolean exhausted;
    /** The last of what the JVM wrote to its console, for when it ends as it starts. */
    private final StringBuilder consoleTail = new StringBuilder();

    private record Callback(Object object, Class<?> api) {
    }

    private StudentJvm(Process process, long graceMillis) {
        this.process = process;
        this.graceMillis = graceMillis;
        ThreadPoolExecutor answering = new ThreadPoolExecutor(0, CALLBACK_THREADS, 10, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "student-callback");
                    thread.setDaemon(true);
                    return thread;
                });
        this.peer = new Peer(new Channel(process.getInputStream(), process.getOutputStream(), Channel.STUDENT_FRAMES),
                this::answer, printed -> tell(l -> l.printed(this, printed.text(), printed.cut())), answering);
        this.ready = peer.expect(0);
    }

    /**
     * Starts the JVM; it warms up on its own until {@link #awaitReady}.
     *
     * @param graceMillis how long it may take to end by itself when closed, before it is killed
     */
    static StudentJvm launch(List<String> command, long graceMillis) throws IOException {
        Process process = Sandbox.processOf(command).start();
        StudentJvm jvm = new StudentJvm(process, graceMillis);
        jvm.drainConsole(process.getErrorStream());
        jvm.peer.start("student-jvm-reader");
        jvm.peer.ended().thenAccept(why -> {
            if (jvm.killed) {
                return;
            }
            if (why instanceof Channel.BrokenChannel broken && !broken.closed()) {
                jvm.kill();
                jvm.tell(l -> l.broke(jvm, broken.getMessage()));
            } else {
                jvm.tell(l -> l.ended(jvm, jvm.exitStatus()));
            }
        });
        return jvm;
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    /** Waits until the runner is up and connected to Redis; throws when it ended or took too long. */
    void awaitReady() throws IOException {
        try {
            ready.get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IOException("the submission's JVM did not start within " + READY_WITHIN.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("the submission's JVM ended as it started (exit status " + exitStatus() + "): "
                    + consoleTail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a JVM started");
        }
    }

    void load(Message.Load classes) throws IOException, InterruptedException {
        peer.request(new Message.Load(peer.nextId(), classes.classes(), classes.studentClass(), classes.redis()));
    }

    /** A proxy for a new instance of the student's class, or {@link StudentClassError} when it cannot be built. */
    <T> T create(Class<T> api, String apiPackage, String studentClass, Object... checkObjects) {
        List<Message.Callback> offered = new ArrayList<>();
        for (Object object : checkObjects) {
            long handle = handles.incrementAndGet();
            for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
                for (Class<?> face : type.getInterfaces()) {
                    if (face.getPackageName().equals(apiPackage)) {
                        callbacks.put(handle, new Callback(object, face));
                        offered.add(new Message.Callback(handle, face.getName()));
                    }
                }
            }
        }
        Message reply = call(new Message.Create(peer.nextId(), api.getName(), offered));
        if (reply instanceof Message.Threw threw) {
            throw new Failures().threw(threw);
        }
        if (reply instanceof Message.Refused refused) {
            throw new StudentClassError(refused.refusal(), studentClass, Remote.cut(refused.detail()));
        }
        if (!(reply instanceof Message.Created created)) {
            throw new StudentGone("the submission's JVM answered a " + reply.getClass().getSimpleName()
                    + " where a new instance belongs");
        }
        String simple = studentClass.substring(studentClass.lastIndexOf('.') + 1);
        return Remote.proxy(api, created.instance(), peer, new Failures(), "the submission's " + simple + " #"
                + created.instance());
    }

    /** One bare round trip: the runner answers after a PING to Redis over the student's own path. */
    Duration roundTrip() {
        long start = System.nanoTime();
        call(new Message.Ping(peer.nextId(), true));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Calls of the judge's that are still waiting for the student's JVM. */
    int unanswered() {
        return peer.unanswered();
    }

    boolean alive() {
        return process.isAlive() && !peer.ended().isDone();
    }

    /** Whether a call ran it out of memory or threads: it is not fit for the next check, whatever it does now. */
    boolean exhausted() {
        return exhausted;
    }

    /** Ends the JVM and everything it started, after its grace time to write a class archive; the judge did it. */
    @Override
    public void close() {
        killed = true;
        if (graceMillis > 0) {
            peer.close();
            try {
                process.waitFor(graceMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill();
    }

    /** Ends the JVM and everything it started at once. */
    void kill() {
        killed = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        peer.close();
    }

    private Message call(Message request) {
        try {
            return peer.request(request);
        } catch (IOException e) {
            throw new StudentGone("the submission's JVM ended: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudentGone("the call was interrupted");
        }
    }

    private Message answer(Message request) {
        if (request instanceof Message.Call call) {
            Callback callback = callbacks.get(call.target());
            if (callback != null) {
                return Remote.answer(call, callback.object(), callback.api(), thrown -> "");
            }
        }
        return new Message.Threw(request.id(), "java.lang.IllegalArgumentException", "nothing to call", "");
    }

    private void drainConsole(InputStream console) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (console) {
                for (int n; (n = console.read(buffer)) > 0; ) {
                    String text = new String(Arrays.copyOf(buffer, n), StandardCharsets.UTF_8);
                    synchronized (consoleTail) {
                        consoleTail.append(text);
                        consoleTail.delete(0, Math.max(0, consoleTail.length() - CONSOLE_TAIL_CHARS));
                    }
                    tell(l -> l.printed(this, text, false));
                }
            } catch (IOException e) {
                // the JVM is gone
            }
        }, "student-jvm-console");
        thread.setDaemon(true);
        thread.start();
    }

    private String consoleTail() {
        synchronized (consoleTail) {
            return consoleTail.toString().strip();
        }
    }

    private int exitStatus() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void tell(java.util.function.Consumer<Listener> news) {
        Listener l = listener;
        if (l != null) {
            news.accept(l);
        }
    }

    private final class Failures implements Remote.Failures {
        @Override
        public RuntimeException threw(Message.Threw threw) {
            exhausted |= threw.type().equals(OutOfMemoryError.class.getName());
            tell(l -> l.threw(StudentJvm.this, threw));
            return new StudentThrew(threw.type(), Remote.cut(threw.message()), Remote.cut(threw.at()));
        }

        @Override
        public RuntimeException gone(IOException why) {
            return new StudentGone("the submission's JVM ended during the call: " + why.getMessage());
        }
    }
}
