package io.coursekit.rpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Objects of one end used by the other through the lab API's interfaces: {@link #proxy} turns method calls into
 * {@link Message.Call}s, {@link #answer} runs a call on the object it names. Only methods the API interface declares
 * can be called, with values {@link Values} allows.
 */
public final class Remote {
    /** Long enough for any honest exception message; a 20 MB one is cut here, on the side that threw it. */
    public static final int MESSAGE_CHARS = 2000;
    public static final String UNREADABLE_VALUE = "io.coursekit.rpc.UnreadableValue";

    private Remote() {
    }

    /** How a proxy's call went wrong on the other end, or on the way there. */
    public interface Failures {
        /** The other end's method threw. */
        RuntimeException threw(Message.Threw threw);

        /** The channel broke before the reply came. */
        RuntimeException gone(IOException why);
    }

    /**
     * A proxy for the other end's object {@code handle}, as the interface {@code api}.
     *
     * @param shownAs what {@code toString()} says of it
     */
    public static <T> T proxy(Class<T> api, long handle, Peer peer, Failures failures, String shownAs) {
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> shownAs;
                    case "hashCode" -> System.identityHashCode(self);
                    default -> self == args[0];
                };
            }
            List<JsonNode> values = new ArrayList<>();
            for (int i = 0; args != null && i < args.length; i++) {
                values.add(Values.toJson(args[i], method.getGenericParameterTypes()[i]));
            }
            Message reply;
            try {
                reply = peer.request(new Message.Call(peer.nextId(), handle, method.getName(), parameterTypes(method),
                        values));
            } catch (IOException e) {
                throw failures.gone(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.gone(new IOException("the call was interrupted"));
            }
            if (reply instanceof Message.Threw threw) {
                throw failures.threw(threw);
            }
            if (!(reply instanceof Message.Returned returned)) {
                throw failures.threw(new Message.Threw(reply.id(), UNREADABLE_VALUE,
                        "a " + reply.getClass().getSimpleName() + " message where a reply belongs", ""));
            }
            if (method.getReturnType() == void.class) {
                return null;
            }
            try {
                return Values.fromJson(returned.value(), method.getGenericReturnType());
            } catch (IllegalArgumentException e) {
                throw failures.threw(new Message.Threw(reply.id(), UNREADABLE_VALUE, e.getMessage(), ""));
            }
        });
        return api.cast(proxy);
    }

    /**
     * Runs {@code call} on {@code target} through the interface {@code api}.
     *
     * @param where {@code File.java:line} of the code that threw, empty when it is not worth saying
     */
    public static Message answer(Message.Call call, Object target, Class<?> api, Function<Throwable, String> where) {
        Method method = Arrays.stream(api.getMethods())
                .filter(m -> m.getName().equals(call.method()) && parameterTypes(m).equals(call.parameterTypes()))
                .findFirst().orElse(null);
        if (method == null || method.getDeclaringClass() == Object.class) {
            return new Message.Threw(call.id(), "java.lang.NoSuchMethodException",
                    api.getName() + " has no method " + call.method() + call.parameterTypes(), "");
        }
        Object[] args = new Object[method.getParameterCount()];
        try {
            if (call.args().size() != args.length) {
                throw new IllegalArgumentException(call.args().size() + " arguments for " + args.length + " parameters");
            }
            for (int i = 0; i < args.length; i++) {
                args[i] = Values.fromJson(call.args().get(i), method.getGenericParameterTypes()[i]);
            }
        } catch (IllegalArgumentException e) {
            return new Message.Threw(call.id(), UNREADABLE_VALUE, cut(e.getMessage()), "");
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            return threw(call.id(), e.getCause(), where);
        } catch (IllegalAccessException e) {
            return threw(call.id(), e, where);
        }
        try {
            return new Message.Returned(call.id(), method.getReturnType() == void.class ? null
                    : Values.toJson(result, method.getGenericReturnType()));
        } catch (RuntimeException e) {
            return new Message.Threw(call.id(), UNREADABLE_VALUE, cut(method.getName() + " returned a value that "
                    + "cannot be sent: " + e.getMessage()), "");
        }
    }

    /** {@code thrown} as a reply, its message cut to {@link #MESSAGE_CHARS}. */
    public static Message.Threw threw(long id, Throwable thrown, Function<Throwable, String> where) {
        return new Message.Threw(id, thrown.getClass().getName(), cut(thrown.getMessage() == null ? "" : thrown.getMessage()),
                where.apply(thrown));
    }

    public static String cut(String text) {
        return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS) + "… (cut at "
                + MESSAGE_CHARS + " characters)";
    }

    private static List<String> parameterTypes(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getName).toList();
    }
}
