package io.coursekit.sandbox;

import io.coursekit.rpc.Channel;
import io.coursekit.rpc.Message;
import io.coursekit.rpc.Peer;
import io.coursekit.rpc.Remote;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.LogManager;

/**
 * The main class of a student JVM, the only coursekit code that runs beside student code. It serves the lab API over
 * its standard input and output ({@link Channel}) and decides nothing: whatever it or the student's code says can
 * only change what the judge is told the student's methods returned.
 *
 * <p>Arguments: the unix socket that leads to Redis, and how many bytes of printing to keep between two replies.
 */
public final class StudentRunner {
    private final StudentObjects objects;
    private final RedisForwarder redis;
    private final PrintedOutput printed;
    private Peer judge;

    private StudentRunner(StudentObjects objects, RedisForwarder redis, PrintedOutput printed) {
        this.objects = objects;
        this.redis = redis;
        this.printed = printed;
    }

    public static void main(String[] args) {
        PrintStream console = System.err;
        try {
            serve(args);
        } catch (IOException | RuntimeException | Error e) {
            // the judge reads the console of a JVM that ends as it starts
            e.printStackTrace(console);
            Runtime.getRuntime().halt(1);
        }
    }

    private static void serve(String[] args) throws IOException {
        FileInputStream fromJudge = new FileInputStream(FileDescriptor.in);
        FileOutputStream toJudge = new FileOutputStream(FileDescriptor.out);
        PrintedOutput printed = new PrintedOutput(Integer.parseInt(args[1]));
        System.setOut(printed.printStream());
        System.setErr(printed.printStream());
        System.setIn(InputStream.nullInputStream());
        // Lettuce and Netty log through java.util.logging: their notes on the sandbox's missing DNS are not the student's
        LogManager.getLogManager().reset();
        RedisForwarder redis = RedisForwarder.start(Path.of(args[0]));
        StudentObjects objects = new StudentObjects(redis);
        objects.warmUp();
        StudentRunner runner = new StudentRunner(objects, redis, printed);
        ExecutorService calls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "student-call");
            thread.setDaemon(true);
            return thread;
        });
        runner.judge = new Peer(new Channel(fromJudge, toJudge, Channel.GRADER_FRAMES), runner::answer, p -> { },
                calls);
        runner.judge.send(new Message.Returned(0, null));
        runner.judge.start("student-runner").ended().join();
        // halt: student threads or shutdown hooks must not keep this JVM alive
        Runtime.getRuntime().halt(0);
    }

    private Message answer(Message request) {
        Message reply;
        try {
            if (request instanceof Message.Load load) {
                reply = objects.load(load);
            } else if (request instanceof Message.Create create) {
                reply = objects.create(create, judge);
            } else if (request instanceof Message.Call call) {
                reply = objects.call(call);
            } else if (request instanceof Message.Ping ping) {
                reply = ping(ping);
            } else {
                reply = new Message.Threw(request.id(), "java.lang.UnsupportedOperationException",
                        request.getClass().getSimpleName(), "");
            }
        } catch (RuntimeException | Error e) {
            reply = Remote.threw(request.id(), e, StudentObjects::where);
        }
        printed.take().ifPresent(text -> {
            try {
                judge.send(text);
            } catch (IOException e) {
                // the judge is gone; the reader ends this JVM
            }
        });
        return reply;
    }

    private Message ping(Message.Ping ping) {
        if (ping.redis()) {
            try {
                redis.ping();
            } catch (IOException e) {
                return new Message.Threw(ping.id(), "java.io.IOException", e.getMessage(), "");
            }
        }
        return new Message.Returned(ping.id(), null);
    }
}
