package io.coursekit.endpoint;

import io.coursekit.grader.Reason;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisKeyCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The grader's connection to a student's endpoint: opened once, logged in, every step bounded by the
 * lab's step timeout and the run's deadline. It only ever sends commands that read.
 */
final class EndpointSession implements AutoCloseable {
    /** Lettuce reports its own timeouts first; this only catches a connect that never settles. */
    private static final Duration SAFETY_MARGIN = Duration.ofMillis(500);

    private final StudentEndpoint endpoint;
    private final Duration step;
    private Deadline deadline;
    private final ClientResources resources;
    private final RedisClient client;
    private final Map<String, Info> infos = new HashMap<>();
    private StatefulRedisConnection<String, String> connection;
    private ConnectionProblem problem;
    private Duration firstPing = Duration.ZERO;
    private boolean answered;
    private RedisClusterClient clusterClient;
    private StatefulRedisClusterConnection<String, String> cluster;

    private EndpointSession(StudentEndpoint endpoint, Duration step, Deadline deadline) {
        this.endpoint = endpoint;
        this.step = step;
        this.deadline = deadline;
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        this.client = RedisClient.create(resources);
        client.setOptions(options());
    }

    /** Connects, logs in and PINGs; a failure is kept as {@link #problem()}, never thrown. */
    static EndpointSession open(StudentEndpoint endpoint, Duration step, Deadline deadline) {
        EndpointSession session = new EndpointSession(endpoint, step, deadline);
        try {
            session.connection = session.connect(session.uri(true));
            session.firstPing = session.timedPing();
            session.answered = true;
        } catch (RuntimeException e) {
            session.lost(e);
        }
        return session;
    }

    StudentEndpoint endpoint() {
        return endpoint;
    }

    /** The deadline of the check being run, never later than the run's. */
    Deadline deadline() {
        return deadline;
    }

    /** Starts a check that must end by {@code checkDeadline}. */
    void checkUntil(Deadline checkDeadline) {
        this.deadline = checkDeadline;
        boundNextSteps();
    }

    /** Why the endpoint cannot be checked any further; empty while it answers. */
    Optional<ConnectionProblem> problem() {
        return Optional.ofNullable(problem);
    }

    /** Whether the endpoint answered the first PING, logged in: TLS and login worked, whatever failed later. */
    boolean answered() {
        return answered;
    }

    /** Why checks that need the connection cannot run; empty while the endpoint answers. */
    Optional<Reason> notRunReason() {
        return problem().map(p -> answered
                ? new Reason.EndpointNotRun(Reason.EndpointNotRun.Connection.STOPPED, p.reason()) : p.notRunReason());
    }

    /** Says why a network step failed; after a timeout or a lost connection later checks do not wait again. */
    ConnectionProblem lost(Throwable error) {
        boolean timeout = ConnectionProblem.isTimeout(error);
        ConnectionProblem found = answered && timeout
                ? new ConnectionProblem(ConnectionProblem.Kind.UNREACHABLE,
                        new Reason.EndpointProblem(Reason.EndpointProblem.Endpoint.STOPPED_ANSWERING, List.of()))
                : ConnectionProblem.of(error, endpoint.address(), step);
        boolean gone = connection == null || !connection.isOpen() || timeout;
        if (problem == null && gone) {
            problem = found;
        }
        return found;
    }

    Duration firstPing() {
        return firstPing;
    }

    /** Shortens the next network steps so that none waits past the check's deadline. */
    void boundNextSteps() {
        Duration limit = deadline.cap(step);
        if (connection != null) {
            connection.setTimeout(limit);
        }
        if (cluster != null) {
            cluster.setTimeout(limit);
        }
    }

    Duration timedPing() {
        long start = System.nanoTime();
        connection.sync().ping();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** One INFO section of the node the grader connected to, read once. */
    Info info(String section) {
        Info info = infos.get(section);
        if (info == null) {
            info = Info.parse(section, connection.sync().info(section));
            infos.put(section, info);
        }
        return info;
    }

    boolean clusterEnabled() {
        return info("cluster").field("cluster_enabled").map("1"::equals).orElse(false);
    }

    /** The cluster's nodes as Lettuce's cluster client discovered them. */
    Partitions clusterNodes() {
        return cluster().getPartitions();
    }

    /** SCAN and TTL over the whole key space: all shards when cluster mode is enabled. */
    RedisKeyCommands<String, String> keys() {
        return clusterEnabled() ? cluster().sync() : connection.sync();
    }

    /**
     * Connects again without a login and PINGs.
     *
     * @return the refusal, or empty when the endpoint answered a client that gave no password
     */
    Optional<ConnectionProblem> pingWithoutLogin() {
        try (StatefulRedisConnection<String, String> anonymous = connect(uri(false))) {
            anonymous.setTimeout(deadline.cap(step));
            anonymous.sync().ping();
            return Optional.empty();
        } catch (RedisException e) {
            return Optional.of(ConnectionProblem.of(e, endpoint.address(), step));
        }
    }

    private StatefulRedisClusterConnection<String, String> cluster() {
        if (cluster == null) {
            clusterClient = RedisClusterClient.create(resources, uri(true));
            // node connections open lazily, so commands must wait for them rather than be rejected; timeouts still bound them
            clusterClient.setOptions(ClusterClientOptions.builder(options()).autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS).build());
            cluster = await(clusterClient.refreshPartitionsAsync().toCompletableFuture()
                    .thenCompose(discovered -> clusterClient.connectAsync(StringCodec.UTF8)));
        }
        return cluster;
    }

    private StatefulRedisConnection<String, String> connect(RedisURI uri) {
        return await(client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture());
    }

    private <C extends StatefulConnection<?, ?>> C await(CompletableFuture<C> connecting) {
        Duration limit = deadline.cap(step).plus(SAFETY_MARGIN);
        try {
            return connecting.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            connecting.thenAccept(StatefulConnection::closeAsync);
            throw new RedisException("no answer within " + ConnectionProblem.seconds(limit), e);
        } catch (ExecutionException e) {
            throw new RedisException(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted while connecting", e);
        }
    }

    private RedisURI uri(boolean login) {
        EndpointAddress address = endpoint.address();
        RedisURI.Builder uri = RedisURI.builder().withHost(address.host()).withPort(address.port())
                .withSsl(address.tls()).withVerifyPeer(SslVerifyMode.FULL).withTimeout(deadline.cap(step));
        if (login && endpoint.password().isPresent()) {
            String password = endpoint.password().get();
            uri = endpoint.user().isPresent() ? uri.withAuthentication(endpoint.user().get(), password)
                    : uri.withPassword(password.toCharArray());
        }
        return uri.build();
    }

    private ClientOptions options() {
        SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
        endpoint.caFile().ifPresent(ca -> ssl.trustManager(ca.toFile()));
        return ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(step).build())
                // each command's timeout is the connection's, which boundNextSteps keeps within the check's deadline
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands().connectionTimeout().build())
                .sslOptions(ssl.build())
                .build();
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.closeAsync();
        }
        if (connection != null) {
            connection.closeAsync();
        }
        if (clusterClient != null) {
            clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
