package eco2.workers.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The sorting guide as workers see it: info's public HTTP API, never its tables. */
public final class InfoClient {
    /**
     * How long a search's hits are reused. Chat asks up to eight searches per question and people ask the same
     * questions, so a burst of 「페트병 어떻게 버려?」 costs info one search per term; an edit of the guide reaches
     * answers within this long.
     */
    static final Duration SEARCH_REUSE = Duration.ofSeconds(60);

    private static final int MAX_SEARCHES_KEPT = 10_000;

    private final JsonHttp http;
    private final RecentAnswers<SearchKey, JsonNode> searches;
    private volatile Map<String, String> categories;

    public InfoClient(JsonHttp http) {
        this(http, new RecentAnswers<>(SEARCH_REUSE, MAX_SEARCHES_KEPT));
    }

    InfoClient(JsonHttp http, RecentAnswers<SearchKey, JsonNode> searches) {
        this.http = http;
        this.searches = searches;
    }

    record SearchKey(String query, String category, int limit) {}

    /**
     * The ranked hits of {@code POST /items/search} (the {@code items} array), best first; shared with other callers
     * of the last minute, so read-only.
     */
    public CompletableFuture<JsonNode> search(String query, String category, int limit) {
        return searches.get(new SearchKey(query, category, limit), () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", query);
            if (category != null) body.put("category", category);
            body.put("limit", limit);
            return http.post("api/v1/recycle/items/search", body)
                    .thenApply(result -> result == null ? null : result.path("items"));
        });
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
