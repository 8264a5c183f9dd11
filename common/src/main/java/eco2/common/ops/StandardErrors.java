package eco2.common.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eco2.common.http.KeyRoute;
import eco2.common.security.ApiTier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error answers the shared plumbing gives, added to every operation they apply to, so that a handler's
 * annotation lists only its own (404, 409, ...): any route can fail (500), every {@code /api/} route is rate
 * limited (429), a credential can be refused (401) or not checkable (503), a body can be malformed (400), too big
 * (413) or carry unknown fields (422), and a key route above the free tier refuses lower keys (403).
 */
final class StandardErrors {
    static final String ENVELOPE_REF = "#/components/schemas/ErrorEnvelope";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "bad_request: malformed JSON, or the wrong content type",
            "401", "unauthorized: a missing, invalid, expired or revoked token or key",
            "403", "forbidden: signed in, but the role or the API key's tier does not allow this",
            "413", "payload_too_large: the body is over the limit (1 MiB for JSON, 5 MiB for images)",
            "422", "validation_error: errors lists every bad field, unknown fields included",
            "429", "rate_limited (or quota_exceeded for an API key over its monthly quota); see Retry-After",
            "500", "internal_error: the message is generic; details are logged under request_id",
            "503", "unavailable: a dependency needed to check the caller is down (keys, Redis)");

    private StandardErrors() {}

    static void add(ObjectNode paths, List<KeyRoute> keyRoutes) {
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (!(method.getValue() instanceof ObjectNode op)) return;
                    if (!(op.get("responses") instanceof ObjectNode responses)) return;
                    if (path.getKey().startsWith("/api/")) add(responses, "429");
                    if (needsCredentials(op)) {
                        add(responses, "401");
                        add(responses, "503");
                    }
                    if (op.has("requestBody")) {
                        add(responses, "400");
                        add(responses, "413");
                        add(responses, "422");
                    }
                    KeyRoute key = keyRoute(keyRoutes, path.getKey(), method.getKey());
                    if (key != null && key.minTier() != ApiTier.FREE) add(responses, "403");
                    add(responses, "500");
                    sortByStatus(responses);
                }));
    }

    /** A security requirement naming a scheme: the caller may send credentials, and they are checked. */
    private static boolean needsCredentials(JsonNode op) {
        for (JsonNode requirement : op.path("security")) if (!requirement.isEmpty()) return true;
        return false;
    }

    private static KeyRoute keyRoute(List<KeyRoute> routes, String path, String method) {
        for (KeyRoute route : routes) {
            if (route.path().equals(path)
                    && route.method().name().toLowerCase(Locale.ROOT).equals(method)) return route;
        }
        return null;
    }

    private static void sortByStatus(ObjectNode responses) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        responses.properties().forEach(r -> sorted.put(r.getKey(), r.getValue()));
        responses.removeAll().setAll(sorted);
    }

    private static void add(ObjectNode responses, String status) {
        if (responses.has(status)) return;
        ObjectNode response = responses.putObject(status).put("description", DESCRIPTIONS.get(status));
        if ("429".equals(status)) {
            response.putObject("headers")
                    .putObject("Retry-After")
                    .put("description", "seconds until a request may succeed")
                    .putObject("schema")
                    .put("type", "integer");
        }
        response.putObject("content")
                .putObject("application/json")
                .putObject("schema")
                .put("$ref", ENVELOPE_REF);
    }
}
