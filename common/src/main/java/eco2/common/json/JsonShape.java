package eco2.common.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks that a JSON value has the shape a Java property expects, strictly:
 * Jackson would happily turn 123 into "123", which hides client bugs.
 */
final class JsonShape {
    private JsonShape() {}

    /** Returns a message like "must be a string", or null when the value fits. */
    static String mismatch(JavaType type, JsonNode value) {
        if (value == null || value.isNull()) return null;
        Class<?> raw = type.getRawClass();
        if (raw == String.class) return value.isTextual() ? null : "must be a string";
        if (raw == Boolean.class || raw == boolean.class) return value.isBoolean() ? null : "must be a boolean";
        if (raw == Integer.class || raw == int.class)
            return value.canConvertToInt() && value.isIntegralNumber() ? null : "must be an integer";
        if (raw == Long.class || raw == long.class)
            return value.canConvertToLong() && value.isIntegralNumber() ? null : "must be an integer";
        if (raw == Double.class || raw == double.class) return value.isNumber() ? null : "must be a number";
        if (raw.isEnum()) return enumMismatch(raw, value);
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) return value.isArray() ? null : "must be an array";
        if (Map.class.isAssignableFrom(raw)) return value.isObject() ? null : "must be an object";
        return null; // complex types: left to Jackson
    }

    private static String enumMismatch(Class<?> raw, JsonNode value) {
        String allowed = Arrays.stream(raw.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase())
                .collect(Collectors.joining(", "));
        if (!value.isTextual()) return "must be one of: " + allowed;
        boolean known = Arrays.stream(raw.getEnumConstants())
                .anyMatch(c -> ((Enum<?>) c).name().equalsIgnoreCase(value.asText()));
        return known ? null : "must be one of: " + allowed;
    }
}
