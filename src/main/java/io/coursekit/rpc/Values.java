package io.coursekit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values that may cross the RPC, as JSON: primitives and their boxes, {@code String}, enums, records of such
 * values, and {@code Optional}, {@code List}, {@code Set} and {@code Map<String, ...>} of them. {@code Optional} is
 * written as {@code {"some": v}} or {@code {"none": true}}, so a {@code null} where an {@code Optional} belongs is
 * still seen as {@code null}. Anything else is refused on either side, so the other side's classes are never
 * chosen by the wire.
 */
public final class Values {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, Byte.class, Short.class,
            Integer.class, Long.class, Float.class, Double.class, Character.class);

    private Values() {
    }

    /** Why {@code type} cannot cross the RPC, or empty when it can; {@code void} can as a return type. */
    public static Optional<String> refusal(Type type) {
        return refusal(type, new LinkedHashSet<>());
    }

    private static Optional<String> refusal(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return Optional.empty();
        }
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (raw == Optional.class || raw == List.class || raw == Set.class) {
                return refusal(arguments[0], seen);
            }
            if (raw == Map.class) {
                return arguments[0] != String.class ? Optional.of(type.getTypeName() + ": map keys must be String")
                        : refusal(arguments[1], seen);
            }
            return Optional.of(type.getTypeName() + " is not a value the lab API may use");
        }
        if (type instanceof Class<?> plain) {
            if (plain.isPrimitive() || SCALARS.contains(plain) || plain.isEnum()) {
                return Optional.empty();
            }
            if (plain.isRecord()) {
                for (RecordComponent component : plain.getRecordComponents()) {
                    Optional<String> inner = refusal(component.getGenericType(), seen);
                    if (inner.isPresent()) {
                        return Optional.of(plain.getName() + "." + component.getName() + ": " + inner.get());
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.of(type.getTypeName()
                + " is not a value the lab API may use (records, primitives, String, enums, Optional, List, Set, Map)");
    }

    public static JsonNode toJson(Object value, Type type) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Type inner = generic.getActualTypeArguments()[raw == Map.class ? 1 : 0];
            if (raw == Optional.class) {
                ObjectNode wrapped = NODES.objectNode();
                Optional<?> optional = (Optional<?>) value;
                if (optional.isPresent()) {
                    wrapped.set("some", toJson(optional.get(), inner));
                } else {
                    wrapped.put("none", true);
                }
                return wrapped;
            }
            if (raw == Map.class) {
                ObjectNode object = NODES.objectNode();
                ((Map<?, ?>) value).forEach((key, item) -> object.set(String.valueOf(key), toJson(item, inner)));
                return object;
            }
            ArrayNode array = NODES.arrayNode();
            ((Iterable<?>) value).forEach(item -> array.add(toJson(item, inner)));
            return array;
        }
        Class<?> plain = (Class<?>) type;
        if (plain.isRecord()) {
            ObjectNode object = NODES.objectNode();
            for (RecordComponent component : plain.getRecordComponents()) {
                try {
                    object.set(component.getName(), toJson(component.getAccessor().invoke(value), component.getGenericType()));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalArgumentException("cannot read " + plain.getName() + "." + component.getName(), e);
                }
            }
            return object;
        }
        if (plain.isEnum()) {
            return NODES.textNode(((Enum<?>) value).name());
        }
        if (value instanceof Character c) {
            return NODES.textNode(String.valueOf(c));
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return scalar(value);
        }
        throw new IllegalArgumentException(value.getClass().getName() + " is not a value the lab API may use");
    }

    private static JsonNode scalar(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        return NODES.numberNode(((Number) value).longValue());
    }

    /**
     * The value {@code json} stands for as {@code type}.
     *
     * @throws IllegalArgumentException when it is not one: the other side sent something the API does not allow
     */
    public static Object fromJson(JsonNode json, Type type) {
        if (json == null || json.isNull()) {
            if (type instanceof Class<?> plain && plain.isPrimitive()) {
                throw new IllegalArgumentException("null where a " + plain.getName() + " belongs");
            }
            return null;
        }
        if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            Type inner = generic.getActualTypeArguments()[raw == Map.class ? 1 : 0];
            if (raw == Optional.class) {
                expect(json.isObject() && (json.has("some") || json.has("none")), json, type);
                return json.has("some") ? Optional.ofNullable(fromJson(json.get("some"), inner)) : Optional.empty();
            }
            if (raw == Map.class) {
                expect(json.isObject(), json, type);
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    map.put(entry.getKey(), fromJson(entry.getValue(), inner));
                }
                return map;
            }
            expect(json.isArray(), json, type);
            List<Object> items = new ArrayList<>();
            json.forEach(item -> items.add(fromJson(item, inner)));
            return raw == Set.class ? new LinkedHashSet<>(items) : items;
        }
        Class<?> plain = (Class<?>) type;
        if (plain.isRecord()) {
            expect(json.isObject(), json, type);
            RecordComponent[] components = plain.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = fromJson(json.get(components[i].getName()), components[i].getGenericType());
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = plain.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("not a valid " + plain.getSimpleName() + ": " + e.getCause(), e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot build a " + plain.getName(), e);
            }
        }
        if (plain.isEnum()) {
            expect(json.isTextual(), json, type);
            for (Object constant : plain.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(json.asText())) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("'" + json.asText() + "' is not a " + plain.getSimpleName());
        }
        return scalar(json, plain);
    }

    private static Object scalar(JsonNode json, Class<?> type) {
        if (type == String.class) {
            expect(json.isTextual(), json, type);
            return json.asText();
        }
        if (type == boolean.class || type == Boolean.class) {
            expect(json.isBoolean(), json, type);
            return json.asBoolean();
        }
        if (type == char.class || type == Character.class) {
            expect(json.isTextual() && json.asText().length() == 1, json, type);
            return json.asText().charAt(0);
        }
        if (type == double.class || type == Double.class) {
            expect(json.isNumber(), json, type);
            return json.asDouble();
        }
        if (type == float.class || type == Float.class) {
            expect(json.isNumber(), json, type);
            return (float) json.asDouble();
        }
        expect(json.isIntegralNumber() && json.canConvertToLong(), json, type);
        long number = json.asLong();
        if (type == long.class || type == Long.class) {
            return number;
        }
        if (type == int.class || type == Integer.class) {
            expect(number == (int) number, json, type);
            return (int) number;
        }
        if (type == short.class || type == Short.class) {
            expect(number == (short) number, json, type);
            return (short) number;
        }
        if (type == byte.class || type == Byte.class) {
            expect(number == (byte) number, json, type);
            return (byte) number;
        }
        throw new IllegalArgumentException(type.getName() + " is not a value the lab API may use");
    }

    private static void expect(boolean holds, JsonNode json, Type type) {
        if (!holds) {
            String shown = json.toString();
            throw new IllegalArgumentException((shown.length() > 80 ? shown.substring(0, 80) + "…" : shown)
                    + " is not a " + type.getTypeName());
        }
    }
}
