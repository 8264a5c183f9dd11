package eco2.location.bins;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.location.geo.GeoPoint;
import org.jdbi.v3.core.Jdbi;

/**
 * Nearby bins. The point is rounded to 4 decimals before anything else, so the answer depends only on what the
 * cache key holds and a cached answer is identical to a fresh one.
 */
public final class BinService {
    private final BinSearch search;
    private final DocumentCache cache;
    private final ObjectMapper mapper;

    public BinService(Jdbi jdbi, DocumentCache cache, ObjectMapper mapper) {
        this.search = new BinSearch(jdbi);
        this.cache = cache;
        this.mapper = mapper;
    }

    /** The GET /bins document. */
    public String nearbyJson(GeoPoint point, int radius, BinType type, int limit) {
        GeoPoint centre = point.rounded(GeoPoint.SEARCH_DECIMALS);
        String typeKey = type == null ? "all" : type.wire();
        return cache.read(
                centre.key(GeoPoint.SEARCH_DECIMALS) + ":" + radius + ":" + typeKey + ":" + limit,
                () -> Json.write(mapper, new BinList(search.nearest(centre, radius, type, limit))));
    }
}
