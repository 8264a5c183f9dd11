package eco2.workers.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Nearby bins and centres as workers see them: location's public HTTP API, never its tables. */
public final class LocationClient {
    static final int RADIUS_M = 2000;

    private final JsonHttp http;

    public LocationClient(JsonHttp http) {
        this.http = http;
    }

    /** The nearest bins (the {@code items} array), optionally of one type (battery, clothes, …). */
    public CompletableFuture<JsonNode> bins(double lat, double lon, String type, int limit) {
        String query = String.format(Locale.ROOT, "?lat=%.5f&lon=%.5f&radius=%d&limit=%d", lat, lon, RADIUS_M, limit);
        if (type != null) query += "&type=" + type;
        return http.get("api/v1/locations/bins" + query).thenApply(body -> body == null ? null : body.path("items"));
    }

    public CompletableFuture<JsonNode> centers(double lat, double lon, int limit) {
        String query = String.format(Locale.ROOT, "?lat=%.5f&lon=%.5f&radius=%d&limit=%d", lat, lon, 20000, limit);
        return http.get("api/v1/locations/centers" + query).thenApply(body -> body == null ? null : body.path("items"));
    }
}
