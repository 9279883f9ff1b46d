package io.coursekit.rpc;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One end of a {@link Channel}: sends requests and waits for their replies, and answers the other end's requests on
 * its own threads. A reply is matched to the request with its id; replies to nothing are ignored. When the channel
 * breaks, every request still waiting fails with the reason.
 */
public final class Peer implements AutoCloseable {
    private final Channel channel;
    private final Function<Message, Message> answer;
    private final Consumer<Message.Printed> printed;
    private final ExecutorService answering;
    private final Map<Long, CompletableFuture<Message>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<IOException> ended = new CompletableFuture<>();

    /**
     * @param answer    the reply to one of the other end's requests; runs on {@code answering}
     * @param printed   what the other end printed, as it comes
     * @param answering where requests are answered; one that refuses the task gets a refusal as reply
     */
    public Peer(Channel channel, Function<Message, Message> answer, Consumer<Message.Printed> printed,
                ExecutorService answering) {
        this.channel = channel;
        this.answer = answer;
        this.printed = printed;
        this.answering = answering;
    }

    /** Starts reading on a daemon thread of this name. */
    public Peer start(String threadName) {
        Thread reader = new Thread(this::read, threadName);
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    /** An id for a request of this end. */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * Sends {@code request} and waits for its reply.
     *
     * @throws IOException when the channel broke before the reply came
     */
    public Message request(Message request) throws IOException, InterruptedException {
        try {
            return request(request, Long.MAX_VALUE);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no reply for ever", e);
        }
    }

    /**
     * Like {@link #request(Message)}, waiting at most {@code millis}.
     *
     * @throws TimeoutException when no reply came in time; the request stays unanswered
     */
    public Message request(Message request, long millis) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        waiting.put(request.id(), reply);
        try {
            if (ended.isDone()) {
                throw ended.getNow(null);
            }
            channel.write(request);
            return millis == Long.MAX_VALUE ? reply.get() : reply.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } finally {
            waiting.remove(request.id());
        }
    }

    /** The reply with this id once it comes, for a message the other end sends unasked, such as "ready". */
    public CompletableFuture<Message> expect(long id) {
        return waiting.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    /** Sends a message that expects no reply. */
    public void send(Message message) throws IOException {
        channel.write(message);
    }

    /** Requests sent and not answered yet. */
    public int unanswered() {
        return waiting.size();
    }

    /** Completes with the reason once the channel has broken. */
    public CompletableFuture<IOException> ended() {
        return ended;
    }

    @Override
    public void close() {
        channel.close();
    }

    private void read() {
        try {
            while (true) {
                Message message = channel.read();
                if (message instanceof Message.Printed text) {
                    printed.accept(text);
                } else if (message instanceof Message.Call || message instanceof Message.Create
                        || message instanceof Message.Load || message instanceof Message.Ping
                        || message instanceof Message.Compile) {
                    answerLater(message);
                } else {
                    CompletableFuture<Message> reply = waiting.remove(message.id());
                    if (reply != null) {
                        reply.complete(message);
                    }
                }
            }
        } catch (IOException e) {
            ended.complete(e);
            waiting.values().forEach(reply -> reply.completeExceptionally(e));
        }
    }

    private void answerLater(Message request) {
        try {
            answering.execute(() -> {
                Message reply = answer.apply(request);
                try {
                    channel.write(reply);
                } catch (IOException e) {
                    // the other end is gone: the reader sees it too
                }
            });
        } catch (RejectedExecutionException e) {
            try {
                channel.write(new Message.Threw(request.id(), "io.coursekit.rpc.TooManyCalls",
                        "too many calls at once", ""));
            } catch (IOException gone) {
                // as above
            }
        }
    }
}
