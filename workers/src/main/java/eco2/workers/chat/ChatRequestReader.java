package eco2.workers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.error.BadRequest;
import eco2.common.error.FieldErrors;
import eco2.common.error.PayloadTooLarge;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an OpenAI-style chat request strictly: the fields OpenAI client libraries send are accepted (the one
 * exception to "unknown fields are 422"), anything else is 422, and every bad field is listed at once.
 */
final class ChatRequestReader {
    static final int MAX_MESSAGES = 40;
    static final int MAX_CONTENT = 4000;
    static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    /** OpenAI request fields accepted and not used offline, with the JSON type each must have. */
    private static final Map<String, String> OPENAI_FIELDS = Map.ofEntries(
            Map.entry("model", "string"),
            Map.entry("temperature", "number"),
            Map.entry("top_p", "number"),
            Map.entry("max_tokens", "integer"),
            Map.entry("max_completion_tokens", "integer"),
            Map.entry("n", "integer"),
            Map.entry("user", "string"),
            Map.entry("seed", "integer"),
            Map.entry("presence_penalty", "number"),
            Map.entry("frequency_penalty", "number"));

    private static final Set<String> OWN_FIELDS =
            Set.of("messages", "stream", "stream_options", "stop", "session_id", "location");

    private final ObjectMapper mapper;

    ChatRequestReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ChatRequest read(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new BadRequest("Content-Type must be application/json");
        }
        if (ctx.contentLength() > MAX_BYTES) throw new PayloadTooLarge("JSON bodies are limited to 1024 KiB");
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) throw new PayloadTooLarge("JSON bodies are limited to 1024 KiB");
        JsonNode tree;
        try {
            tree = body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("Malformed JSON");
        }
        if (tree == null || !tree.isObject()) throw new BadRequest("Request body must be a JSON object");
        return parse(tree);
    }

    ChatRequest parse(JsonNode tree) {
        FieldErrors errors = new FieldErrors();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = tree.get(name);
            String kind = OPENAI_FIELDS.get(name);
            if (kind == null && !OWN_FIELDS.contains(name)) errors.add(name, "unknown field");
            else if (kind != null && !value.isNull() && !fits(kind, value)) errors.add(name, "must be a " + kind);
        }
        List<ChatMessage> messages = messages(tree.get("messages"), errors);
        JsonNode n = tree.get("n");
        errors.check(n != null && n.isInt() && n.asInt() != 1, "n", "must be 1: one answer per request");
        JsonNode stream = tree.get("stream");
        errors.check(stream != null && !stream.isNull() && !stream.isBoolean(), "stream", "must be a boolean");
        boolean includeUsage = streamOptions(tree.get("stream_options"), errors);
        JsonNode stop = tree.get("stop");
        errors.check(
                stop != null && !stop.isNull() && !stop.isTextual() && !stop.isArray(),
                "stop",
                "must be a string or an array of strings");
        UUID sessionId = sessionId(tree.get("session_id"), errors);
        Double[] location = location(tree.get("location"), errors);
        JsonNode maxTokens =
                tree.has("max_completion_tokens") ? tree.get("max_completion_tokens") : tree.get("max_tokens");
        errors.check(maxTokens != null && maxTokens.isInt() && maxTokens.asInt() < 1, "max_tokens", "must be positive");
        errors.throwIfAny();
        return new ChatRequest(
                messages,
                stream != null && stream.asBoolean(),
                includeUsage,
                sessionId,
                location[0],
                location[1],
                tree.path("model").asText(null),
                maxTokens == null || maxTokens.isNull() ? null : maxTokens.asInt());
    }

    private static List<ChatMessage> messages(JsonNode node, FieldErrors errors) {
        if (node == null || !node.isArray()) {
            errors.add("messages", node == null ? "is required" : "must be an array");
            return List.of();
        }
        if (errors.check(node.isEmpty(), "messages", "must not be empty")) return List.of();
        if (errors.check(node.size() > MAX_MESSAGES, "messages", "must hold at most " + MAX_MESSAGES + " messages"))
            return List.of();
        List<ChatMessage> messages = new ArrayList<>();
        boolean anyUser = false;
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            String at = "messages[" + i + "]";
            if (!m.isObject()) {
                errors.add(at, "must be an object");
                continue;
            }
            for (Iterator<String> names = m.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!Set.of("role", "content", "name").contains(name)) errors.add(at + "." + name, "unknown field");
            }
            String role = m.path("role").isTextual() ? m.get("role").asText() : null;
            errors.check(role == null || !ROLES.contains(role), at + ".role", "must be system, user or assistant");
            String content = m.path("content").isTextual() ? m.get("content").asText() : null;
            if (content == null) {
                errors.add(at + ".content", "must be a string");
            } else if (content.isBlank()) {
                errors.add(at + ".content", "must not be empty");
            } else if (content.codePointCount(0, content.length()) > MAX_CONTENT) {
                errors.add(at + ".content", "must be at most " + MAX_CONTENT + " characters");
            } else if (!ChatText.plain(content)) {
                errors.add(at + ".content", "must not contain control characters or lone surrogates");
            }
            if (role != null && content != null) messages.add(new ChatMessage(role, content.strip()));
            anyUser |= "user".equals(role);
        }
        errors.check(!anyUser && !messages.isEmpty(), "messages", "must include a user message");
        return messages;
    }

    private static boolean streamOptions(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) return false;
        if (errors.check(!node.isObject(), "stream_options", "must be an object")) return false;
        JsonNode usage = node.get("include_usage");
        errors.check(usage != null && !usage.isBoolean(), "stream_options.include_usage", "must be a boolean");
        return usage != null && usage.asBoolean();
    }

    private static UUID sessionId(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) return null;
        try {
            if (node.isTextual()) return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add("session_id", "must be a session id (UUID)");
        return null;
    }

    private static Double[] location(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) return new Double[2];
        if (errors.check(!node.isObject(), "location", "must be an object {latitude, longitude}")) return new Double[2];
        JsonNode lat = node.get("latitude");
        JsonNode lon = node.get("longitude");
        boolean badLat = lat == null || !lat.isNumber() || Math.abs(lat.asDouble()) > 90;
        boolean badLon = lon == null || !lon.isNumber() || Math.abs(lon.asDouble()) > 180;
        errors.check(badLat, "location.latitude", "must be a number from -90 to 90");
        errors.check(badLon, "location.longitude", "must be a number from -180 to 180");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("latitude") && !name.equals("longitude")) errors.add("location." + name, "unknown field");
        }
        return badLat || badLon ? new Double[2] : new Double[] {lat.asDouble(), lon.asDouble()};
    }

    private static boolean fits(String kind, JsonNode value) {
        return switch (kind) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() && value.canConvertToLong();
            default -> value.isNumber();
        };
    }
}
