package eco2.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import eco2.common.error.BadRequest;
import eco2.common.error.FieldErrors;
import eco2.common.error.PayloadTooLarge;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a JSON request body strictly: 400 for malformed JSON or the wrong content type,
 * 422 listing every unknown field, wrongly typed field, string breaking {@link TextRule} and broken rule at once.
 * The charset parameter of the content type is ignored: JSON is UTF-8 (RFC 8259).
 */
public final class JsonBody {
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final Map<Class<?>, Fields> fieldsByType = new ConcurrentHashMap<>();

    /** What a body type accepts: each property with its type, and which ones are multi-line text. */
    private record Fields(Map<String, JavaType> types, Set<String> multiLine) {}

    public JsonBody(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    public <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new BadRequest("Content-Type must be application/json");
        }
        if (ctx.contentLength() > maxBytes) throw tooLarge();
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBytes) throw tooLarge(); // chunked bodies carry no Content-Length
        return parse(body, type);
    }

    private PayloadTooLarge tooLarge() {
        return new PayloadTooLarge("JSON bodies are limited to " + (maxBytes / 1024) + " KiB");
    }

    public <T> T parse(byte[] body, Class<T> type) {
        JsonNode tree = readTree(body);
        FieldErrors errors = new FieldErrors();
        Fields fields = fields(type);
        Map<String, JavaType> known = fields.types();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JavaType expected = known.get(field.getKey());
            if (expected == null) {
                errors.add(field.getKey(), "unknown field");
            } else {
                String mismatch = JsonShape.mismatch(expected, field.getValue());
                if (mismatch != null) errors.add(field.getKey(), mismatch);
            }
        }
        JsonText.check(tree, known.keySet(), fields.multiLine(), errors);
        known.forEach((name, expected) -> {
            JsonNode value = tree.get(name);
            if (expected.isPrimitive() && (value == null || value.isNull())) errors.add(name, "is required");
        });
        errors.throwIfAny();
        T value = convert(tree, type);
        if (value instanceof Validated validated) {
            validated.validate(errors);
            errors.throwIfAny();
        }
        return value;
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) throw new BadRequest("Request body is required");
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) throw new BadRequest("Request body must be a JSON object");
            return tree;
        } catch (JsonProcessingException e) {
            throw new BadRequest("Malformed JSON");
        } catch (IOException e) {
            throw new BadRequest("Unreadable request body");
        }
    }

    private <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            // Shapes were checked above, so this is a value Jackson still cannot bind (e.g. a nested object).
            throw new BadRequest("Request body does not match the expected shape");
        }
    }

    /** The JSON field names a body type accepts, as the OpenAPI spec should advertise them. */
    public Set<String> acceptedFields(Class<?> type) {
        return fields(type).types().keySet();
    }

    private Fields fields(Class<?> type) {
        return fieldsByType.computeIfAbsent(type, t -> {
            BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(t));
            List<BeanPropertyDefinition> properties = description.findProperties().stream()
                    .filter(BeanPropertyDefinition::couldDeserialize)
                    .toList();
            return new Fields(
                    properties.stream()
                            .collect(Collectors.toMap(
                                    BeanPropertyDefinition::getName, BeanPropertyDefinition::getPrimaryType)),
                    properties.stream()
                            .filter(JsonBody::multiLine)
                            .map(BeanPropertyDefinition::getName)
                            .collect(Collectors.toUnmodifiableSet()));
        });
    }

    private static boolean multiLine(BeanPropertyDefinition property) {
        return Stream.of(property.getField(), property.getGetter(), property.getConstructorParameter())
                .anyMatch(member -> member != null && member.hasAnnotation(MultiLine.class));
    }
}
