package io.coursekit.portal;

import io.coursekit.UserError;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The grading queue in a Redis of its own: a stream of jobs read by the consumer group of every worker on every
 * machine, and a stream of events back to each portal. A job is added once (a hash remembers each job id), a worker
 * keeps its claim on a job fresh while it grades, a job whose worker went silent is claimed by another
 * ({@code XAUTOCLAIM}), and a worker's result, the job's acknowledgement and its "done" mark are written in one
 * script, so a job is graded to a result exactly once however often it was delivered.
 * One instance is one connection: a thread that blocks on the queue needs its own.
 */
public final class SubmissionQueue implements AutoCloseable {
    static final String JOBS = "coursekit:grading:jobs";
    static final String STATES = "coursekit:grading:job-states";
    static final String WORKERS = "workers";
    static final String PORTAL = "portal";
    /** A job whose workers died this often is not handed out again: it is what kills them. */
    static final int MOST_DELIVERIES = 3;

    private static final String ENQUEUE = """
            if redis.call('HSETNX', KEYS[1], ARGV[1], 'queued') == 1 then
              redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
              return 1
            end
            return 0
            """;
    private static final String FINISH = """
            local recorded = 0
            if redis.call('HGET', KEYS[1], ARGV[1]) ~= 'done' then
              redis.call('HSET', KEYS[1], ARGV[1], 'done')
              redis.call('XADD', KEYS[3], '*', unpack(ARGV, 4))
              recorded = 1
            end
            redis.call('XACK', KEYS[2], ARGV[3], ARGV[2])
            redis.call('XDEL', KEYS[2], ARGV[2])
            return recorded
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisCommands<String, byte[]> redis;
    private final String where;
    /** Streams whose group this connection has seen or made. */
    private final Set<String> groups = new HashSet<>();

    private SubmissionQueue(RedisClient client, StatefulRedisConnection<String, byte[]> connection, String where) {
        this.client = client;
        this.connection = connection;
        this.redis = connection.sync();
        this.where = where;
    }

    /** Connects to the queue at {@code uri} ({@code redis://[:password@]host:port}, or {@code rediss://}). */
    public static SubmissionQueue connect(String uri) {
        RedisURI address;
        try {
            address = RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new UserError("--queue " + uri + ": not a redis:// address (" + e.getMessage() + ")");
        }
        address.setTimeout(Duration.ofSeconds(30));
        RedisClient client = RedisClient.create(address);
        try {
            StatefulRedisConnection<String, byte[]> connection =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            return new SubmissionQueue(client, connection, address.getHost() + ":" + address.getPort());
        } catch (RedisConnectionException e) {
            client.shutdown();
            throw new UserError("cannot reach the queue's Redis at " + uri + ": " + e.getMessage());
        }
    }

    /** Where the queue is, for the terminal. */
    public String where() {
        return where;
    }

    // ---- the portal's side

    /** Adds the job unless it was added before; {@code replyTo} is the stream of the portal that wants its events. */
    public boolean enqueue(GradingJob job, String replyTo) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("job", bytes(job.id()));
        fields.put("submission", bytes(job.submission()));
        fields.put("attempt", bytes(String.valueOf(job.attempt())));
        fields.put("student", bytes(job.student()));
        fields.put("number", bytes(String.valueOf(job.number())));
        fields.put("lab", bytes(job.lab()));
        fields.put("language", bytes(job.language()));
        fields.put("reply", bytes(replyTo));
        fields.put("sources", job.sources());
        List<byte[]> args = new ArrayList<>();
        args.add(bytes(job.id()));
        fields.forEach((key, value) -> {
            args.add(bytes(key));
            args.add(value);
        });
        Long added = redis.eval(ENQUEUE, ScriptOutputType.INTEGER, new String[] {STATES, JOBS}, args.toArray(byte[][]::new));
        return added != null && added == 1;
    }

    /** The next events for the portal whose stream is {@code events}: first those it read but did not acknowledge. */
    public List<GradingEvent> events(String events, boolean pendingFirst, Duration block) {
        ensureGroup(events, PORTAL);
        Consumer<String> me = Consumer.from(PORTAL, PORTAL);
        XReadArgs.StreamOffset<String> offset = pendingFirst ? XReadArgs.StreamOffset.from(events, "0")
                : XReadArgs.StreamOffset.lastConsumed(events);
        XReadArgs args = pendingFirst ? XReadArgs.Builder.count(100) : XReadArgs.Builder.count(100).block(block);
        return readGroup(events, PORTAL, () -> redis.xreadgroup(me, args, offset)).stream()
                .map(SubmissionQueue::event).toList();
    }

    /** The portal has stored this event. */
    public void acknowledge(String events, GradingEvent event) {
        redis.xack(events, PORTAL, event.entry());
        redis.xdel(events, event.entry());
    }

    // ---- a worker's side

    /** A job handed to one worker; {@code deliveries} counts the workers it was handed to, this one included. */
    public record Delivery(String entry, GradingJob job, String replyTo, long deliveries) {
    }

    /**
     * The next job for {@code consumer}: one whose worker has been silent for {@code claimAfter}, else a new one,
     * waiting up to {@code block} for it.
     */
    public Optional<Delivery> next(String consumer, Duration claimAfter, Duration block) {
        ensureGroup(JOBS, WORKERS);
        Consumer<String> me = Consumer.from(WORKERS, consumer);
        ClaimedMessages<String, byte[]> claimed = readGroup(JOBS, WORKERS,
                () -> redis.xautoclaim(JOBS, XAutoClaimArgs.Builder.xautoclaim(me, claimAfter, "0-0").count(1)));
        if (claimed != null && !claimed.getMessages().isEmpty()) {
            StreamMessage<String, byte[]> message = claimed.getMessages().get(0);
            List<PendingMessage> pending = redis.xpending(JOBS, WORKERS, Range.create(message.getId(), message.getId()),
                    Limit.from(1));
            return Optional.of(delivery(message, pending.isEmpty() ? 1 : pending.get(0).getRedeliveryCount()));
        }
        List<StreamMessage<String, byte[]>> fresh = readGroup(JOBS, WORKERS, () -> redis.xreadgroup(me,
                XReadArgs.Builder.count(1).block(block), XReadArgs.StreamOffset.lastConsumed(JOBS)));
        return fresh.isEmpty() ? Optional.empty() : Optional.of(delivery(fresh.get(0), 1));
    }

    /** Tells the other workers that {@code consumer} is still grading this job, so none claims it. */
    public void keepClaim(String consumer, Delivery delivery) {
        redis.xclaim(JOBS, Consumer.from(WORKERS, consumer), XClaimArgs.Builder.justid().minIdleTime(0), delivery.entry());
    }

    /** Tells the portal how far the job is; no acknowledgement, the job is still this worker's. */
    public void progress(Delivery delivery, SubmissionStatus status, String worker) {
        redis.xadd(delivery.replyTo(), eventFields(delivery, status, worker, Map.of()));
    }

    /**
     * Hands in the job's result and acknowledges it in one step. Returns false when another worker already handed in
     * a result for this job (this one was too slow, and its result is dropped).
     */
    public boolean finish(Delivery delivery, SubmissionStatus status, String worker, Map<String, byte[]> result) {
        Map<String, byte[]> fields = eventFields(delivery, status, worker, result);
        List<byte[]> args = new ArrayList<>(List.of(bytes(delivery.job().id()), bytes(delivery.entry()), bytes(WORKERS)));
        fields.forEach((key, value) -> {
            args.add(bytes(key));
            args.add(value);
        });
        Long recorded = redis.eval(FINISH, ScriptOutputType.INTEGER, new String[] {STATES, JOBS, delivery.replyTo()},
                args.toArray(byte[][]::new));
        return recorded != null && recorded == 1;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private static Map<String, byte[]> eventFields(Delivery delivery, SubmissionStatus status, String worker,
                                                   Map<String, byte[]> result) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("submission", bytes(delivery.job().submission()));
        fields.put("attempt", bytes(String.valueOf(delivery.job().attempt())));
        fields.put("status", bytes(status.apiName()));
        fields.put("worker", bytes(worker));
        fields.putAll(result);
        return fields;
    }

    private static Delivery delivery(StreamMessage<String, byte[]> message, long deliveries) {
        Map<String, byte[]> body = message.getBody();
        GradingJob job = new GradingJob(text(body, "submission"), Integer.parseInt(text(body, "attempt")),
                text(body, "student"), Integer.parseInt(text(body, "number")), text(body, "lab"), text(body, "language"),
                body.getOrDefault("sources", new byte[0]));
        return new Delivery(message.getId(), job, text(body, "reply"), deliveries);
    }

    private static GradingEvent event(StreamMessage<String, byte[]> message) {
        Map<String, byte[]> body = message.getBody();
        SubmissionStatus status = SubmissionStatus.named(text(body, "status")).orElse(SubmissionStatus.FAILED);
        return new GradingEvent(message.getId(), text(body, "submission"), Integer.parseInt(text(body, "attempt")),
                status, text(body, "worker"), text(body, "row"), body.getOrDefault("reports", new byte[0]),
                text(body, "problem"));
    }

    /** Runs a group read; a Redis that lost the group (it restarted empty) gets it again. */
    private <T> T readGroup(String stream, String group, Supplier<T> read) {
        try {
            return read.get();
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
                throw e;
            }
            groups.remove(stream);
            ensureGroup(stream, group);
            return read.get();
        }
    }

    private void ensureGroup(String stream, String group) {
        if (groups.contains(stream)) {
            return;
        }
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
        groups.add(stream);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Map<String, byte[]> body, String field) {
        byte[] value = body.get(field);
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }
}
