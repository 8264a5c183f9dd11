package eco2.location.bins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.location.cache.ResultCache;
import eco2.location.geo.GeoPoint;
import org.jdbi.v3.core.Jdbi;

/**
 * Nearby bins. The point is rounded to 4 decimals before anything else, so the answer depends only on what the
 * cache key holds and a cached answer is identical to a fresh one.
 */
public final class BinService {
    private final BinSearch search;
    private final ResultCache cache;
    private final ObjectMapper mapper;

    public BinService(Jdbi jdbi, ResultCache cache, ObjectMapper mapper) {
        this.search = new BinSearch(jdbi);
        this.cache = cache;
        this.mapper = mapper;
    }

    /** The GET /bins document, as UTF-8 JSON. */
    public byte[] nearbyJson(GeoPoint point, int radius, BinType type, int limit) {
        GeoPoint centre = point.rounded(GeoPoint.SEARCH_DECIMALS);
        String typeKey = type == null ? "all" : type.wire();
        ResultCache.Lookup cached =
                cache.get(centre.key(GeoPoint.SEARCH_DECIMALS) + ":" + radius + ":" + typeKey + ":" + limit);
        if (cached.hit()) return cached.json();
        byte[] json = write(new BinList(search.nearest(centre, radius, type, limit)));
        cache.put(cached, json);
        return json;
    }

    private byte[] write(BinList list) {
        try {
            return mapper.writeValueAsBytes(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
