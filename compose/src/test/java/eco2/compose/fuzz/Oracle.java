package eco2.compose.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer must satisfy: no 5xx (but a 503 naming the setting of a provider the test run leaves
 * unconfigured, as the contract says), the error envelope on every error with the code API.md gives its status, no
 * 2xx for a request that must be refused, and no field the spec advertises refused as unknown.
 */
final class Oracle {
    private static final Map<Integer, Set<String>> CODES = Map.ofEntries(
            Map.entry(400, Set.of("bad_request")),
            Map.entry(401, Set.of("unauthorized")),
            Map.entry(403, Set.of("forbidden")),
            Map.entry(404, Set.of("not_found")),
            Map.entry(405, Set.of("method_not_allowed")),
            Map.entry(409, Set.of("conflict")),
            Map.entry(413, Set.of("payload_too_large")),
            Map.entry(414, Set.of("bad_request")),
            Map.entry(422, Set.of("validation_error")),
            Map.entry(429, Set.of("rate_limited", "quota_exceeded")),
            Map.entry(431, Set.of("bad_request")),
            Map.entry(503, Set.of("unavailable")));
    /** "…is not configured: set KAKAO_REST_API_KEY", "…set LLM_BASE_URL and VISION_MODEL". */
    private static final Pattern NOT_CONFIGURED = Pattern.compile("\\bset [A-Z][A-Z0-9_]{2,}");

    private Oracle() {}

    /** The problem with this answer, or null. */
    static String problem(FuzzRequest request, int status, String contentType, String body) {
        if (status >= 200 && status < 300)
            return request.mustRefuse()
                    ? status + " for a request that must be refused (" + request.kind() + ")"
                    : null;
        if (status < 400) return null;
        JsonNode envelope;
        try {
            envelope = Values.JSON.readTree(body);
        } catch (Exception e) {
            envelope = null;
        }
        if (envelope == null || !envelope.isObject())
            return status + " without the JSON envelope (" + contentType + "): " + head(body);
        String code = envelope.path("code").asText("");
        if (!envelope.path("success").isBoolean() || envelope.path("success").asBoolean())
            return status + " envelope without success:false: " + head(body);
        if (!CODES.getOrDefault(status, Set.of()).contains(code))
            return status + " with code '" + code + "': " + head(body);
        if (envelope.path("message").asText("").isEmpty()
                || envelope.path("request_id").asText("").isEmpty())
            return status + " envelope without message or request_id: " + head(body);
        if (status == 503
                && !NOT_CONFIGURED.matcher(envelope.path("message").asText()).find())
            return "503 that names no missing setting: " + head(body);
        if (status >= 500 && status != 503) return status + ": " + head(body);
        if (status == 422) {
            for (JsonNode error : envelope.path("errors")) {
                String field = error.path("field").asText();
                if (error.path("message").asText().equals("unknown field")
                        && request.operation().bodySchema().path("properties").has(field))
                    return "422 refuses '" + field + "' as unknown, but the spec advertises it";
            }
        }
        return null;
    }

    private static String head(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
