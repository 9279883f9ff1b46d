package io.coursekit.sandbox;

import io.coursekit.rpc.Message;
import io.coursekit.rpc.Peer;
import io.coursekit.rpc.Remote;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The student's objects in this JVM: built from the class the lab names, with the judge's callbacks and Redis
 * connections for the constructor's parameters, and called as the lab API says. Nothing here judges anything.
 */
final class StudentObjects {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** What a constructor may ask for besides the lab's callbacks: a connection of its own, in any of Lettuce's shapes. */
    private static final List<Class<?>> REDIS_TYPES = List.of(RedisCommands.class, RedisAsyncCommands.class,
            RedisReactiveCommands.class, StatefulRedisConnection.class, RedisClient.class);

    private final RedisForwarder redis;
    private final ClientResources resources = DefaultClientResources.create();
    private final Map<Long, Instance> instances = new ConcurrentHashMap<>();
    private final AtomicLong handles = new AtomicLong();
    private volatile Map<String, byte[]> classes = Map.of();
    private volatile Message.Load load;

    private record Instance(Object object, Class<?> api) {
    }

    StudentObjects(RedisForwarder redis) {
        this.redis = redis;
    }

    /** Connects once, so that Lettuce's classes are loaded before the student's 500 ms timeouts start counting. */
    void warmUp() {
        RedisClient client = RedisClient.create(resources, redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            // warming up only saves time: a check meets any real Redis problem itself
        }
        client.shutdown(Duration.ZERO, Duration.ZERO);
    }

    Message load(Message.Load load) {
        Map<String, byte[]> decoded = new HashMap<>();
        load.classes().forEach((name, base64) -> decoded.put(name, Base64.getDecoder().decode(base64)));
        this.classes = Map.copyOf(decoded);
        this.load = load;
        return new Message.Returned(load.id(), null);
    }

    Message create(Message.Create create, Peer judge) {
        Message.Load loaded = load;
        if (loaded == null) {
            return new Message.Refused(create.id(), Message.Refusal.CANNOT_LOAD, "no classes were loaded");
        }
        ClassLoader libraries = StudentObjects.class.getClassLoader();
        Class<?> api;
        Map<Class<?>, Object> callbacks = new HashMap<>();
        try {
            api = Class.forName(create.api(), false, libraries);
            for (Message.Callback callback : create.callbacks()) {
                Class<?> type = Class.forName(callback.api(), false, libraries);
                callbacks.put(type, Remote.proxy(type, callback.handle(), judge, new CallbackFailures(libraries),
                        type.getSimpleName() + " (the lab's)"));
            }
        } catch (ClassNotFoundException e) {
            return new Message.Refused(create.id(), Message.Refusal.CANNOT_LOAD, "the lab's API has no " + e.getMessage());
        }
        Class<?> type;
        try {
            type = Class.forName(loaded.studentClass(), true, new SubmissionClasses(classes, libraries));
        } catch (ClassNotFoundException e) {
            return new Message.Refused(create.id(), Message.Refusal.NO_CLASS, "");
        } catch (ExceptionInInitializerError e) {
            return new Message.Refused(create.id(), Message.Refusal.STATIC_INIT_THREW, describe(e.getCause()));
        } catch (LinkageError e) {
            return new Message.Refused(create.id(), Message.Refusal.CANNOT_LOAD, Remote.cut(e.toString()));
        }
        if (!api.isAssignableFrom(type)) {
            return new Message.Refused(create.id(), Message.Refusal.NOT_THE_API, api.getName());
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            return new Message.Refused(create.id(), Message.Refusal.NOT_PUBLIC, "");
        }
        Constructor<?>[] constructors = type.getConstructors();
        Arrays.sort(constructors, Comparator.comparingInt((Constructor<?> c) -> c.getParameterCount()).reversed());
        for (Constructor<?> constructor : constructors) {
            if (Arrays.stream(constructor.getParameterTypes()).allMatch(p -> callbacks.containsKey(p) || REDIS_TYPES.contains(p))) {
                return build(create.id(), constructor, callbacks, api, loaded.redis());
            }
        }
        return new Message.Refused(create.id(), Message.Refusal.NO_CONSTRUCTOR, Arrays.stream(type.getConstructors())
                .map(c -> Arrays.stream(c.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", type.getSimpleName() + "(", ")")))
                .collect(Collectors.joining("; ")));
    }

    Message call(Message.Call call) {
        Instance instance = instances.get(call.target());
        if (instance == null) {
            return new Message.Threw(call.id(), "java.lang.IllegalStateException", "no instance " + call.target(), "");
        }
        return Remote.answer(call, instance.object(), instance.api(), StudentObjects::where);
    }

    private Message build(long id, Constructor<?> constructor, Map<Class<?>, Object> callbacks, Class<?> api,
                          Message.RedisSettings settings) {
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> parameter = constructor.getParameterTypes()[i];
            args[i] = callbacks.containsKey(parameter) ? callbacks.get(parameter) : connection(parameter, settings);
        }
        try {
            Object object = constructor.newInstance(args);
            long handle = handles.incrementAndGet();
            instances.put(handle, new Instance(object, api));
            return new Message.Created(id, handle);
        } catch (InvocationTargetException e) {
            return new Message.Refused(id, Message.Refusal.CONSTRUCTOR_THREW, describe(e.getCause()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new Message.Refused(id, Message.Refusal.CANNOT_LOAD, Remote.cut(e.toString()));
        }
    }

    /** A connection of the instance's own, behaving as the lab promises students. */
    private Object connection(Class<?> shape, Message.RedisSettings settings) {
        RedisURI uri = RedisURI.create(redis.uri());
        uri.setTimeout(CONNECT_TIMEOUT);
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(settings.autoReconnect())
                .disconnectedBehavior(settings.autoReconnect() ? ClientOptions.DisconnectedBehavior.DEFAULT
                        : ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
        if (shape == RedisClient.class) {
            return client;
        }
        StatefulRedisConnection<String, String> connection = client.connect();
        connection.setTimeout(Duration.ofMillis(settings.commandTimeoutMillis()));
        if (shape == RedisCommands.class) {
            return connection.sync();
        }
        if (shape == RedisAsyncCommands.class) {
            return connection.async();
        }
        return shape == RedisReactiveCommands.class ? connection.reactive() : connection;
    }

    /** The exception and where in the student's code it was thrown. */
    private static String describe(Throwable thrown) {
        String at = where(thrown);
        return Remote.cut(thrown.toString()) + (at.isEmpty() ? "" : " (at " + at + ")");
    }

    /** {@code File.java:line} of the first frame in the student's own classes. */
    static String where(Throwable thrown) {
        return Arrays.stream(thrown.getStackTrace())
                .filter(frame -> SubmissionClasses.NAME.equals(frame.getClassLoaderName()))
                .findFirst().map(frame -> frame.getFileName() + ":" + frame.getLineNumber()).orElse("");
    }

    /**
     * A callback that threw on the judge's side throws here as the lab API's own exception when the API declares
     * one of that name, so student code can catch what the lab documents.
     */
    private record CallbackFailures(ClassLoader libraries) implements Remote.Failures {
        @Override
        public RuntimeException threw(Message.Threw threw) {
            try {
                Class<?> type = Class.forName(threw.type(), false, libraries);
                if (RuntimeException.class.isAssignableFrom(type) && type.getClassLoader() != null
                        && type.getClassLoader() != ClassLoader.getPlatformClassLoader()) {
                    return (RuntimeException) type.getConstructor(String.class).newInstance(threw.message());
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // not one of the API's exceptions
            }
            return new IllegalStateException(threw.type() + ": " + threw.message());
        }

        @Override
        public RuntimeException gone(IOException why) {
            // the judge is gone: no one is left to answer to
            Runtime.getRuntime().halt(0);
            return new IllegalStateException(why);
        }
    }
}
