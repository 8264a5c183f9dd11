package eco2.workers.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The sorting guide as workers see it: info's public HTTP API, never its tables. */
public final class InfoClient {
    private final JsonHttp http;
    private volatile Map<String, String> categories;

    public InfoClient(JsonHttp http) {
        this.http = http;
    }

    /** The ranked hits of {@code POST /items/search} (the {@code items} array), best first. */
    public CompletableFuture<JsonNode> search(String query, String category, int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (category != null) body.put("category", category);
        body.put("limit", limit);
        return http.post("api/v1/recycle/items/search", body)
                .thenApply(result -> result == null ? null : result.path("items"));
    }

    /** One item as {@code GET /items/{id}} shows it, or null when it is gone. */
    public CompletableFuture<JsonNode> item(UUID id) {
        return http.get("api/v1/recycle/items/" + id);
    }

    /** A region's discharge rules, or null for a name info does not know. */
    public CompletableFuture<JsonNode> rules(String region) {
        return http.get("api/v1/recycle/rules/"
                + URLEncoder.encode(region, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** info's categories, key to Korean name, fetched once: they change only with a release of the guide. */
    public CompletableFuture<Map<String, String>> categories() {
        Map<String, String> known = categories;
        if (known != null) return CompletableFuture.completedFuture(known);
        return http.get("api/v1/recycle/categories").thenApply(body -> {
            Map<String, String> names = new LinkedHashMap<>();
            if (body != null)
                body.path("items")
                        .forEach(c ->
                                names.put(c.path("key").asText(), c.path("name").asText()));
            if (names.isEmpty()) throw new UpstreamFailure(UpstreamFailure.ERROR, "info listed no categories");
            categories = Map.copyOf(names);
            return categories;
        });
    }
}
