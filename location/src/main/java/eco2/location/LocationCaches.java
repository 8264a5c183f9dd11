package eco2.location;

import eco2.location.cache.ResultCache;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/**
 * Every Redis cache of the location service, with its key scheme and lifetime. Searches are keyed by coordinates
 * rounded to 4 decimals; imports invalidate bins and centres by bumping a generation counter.
 */
public record LocationCaches(
        ResultCache binsNearby,
        ResultCache centersNearby,
        ResultCache centersByRegion,
        ResultCache geocodes,
        ResultCache reverses) {
    /** {@code location:bins:{lat}:{lon}:{radius}:{type|all}:{limit}}, 1 h. */
    public static final String BINS = "location:bins:";
    /** {@code location:centers:near:{lat}:{lon}:{radius}:{item|*}:{limit}}, 1 h (includes Kakao results). */
    public static final String CENTERS_NEAR = "location:centers:near:";
    /** {@code location:centers:{province|*}/{districts|*}:{item|*}:{page}:{size}}, 24 h. */
    public static final String CENTERS = "location:centers:";
    /** {@code geocode:{normalised address}}, 24 h. */
    public static final String GEOCODE = "geocode:";
    /** {@code location:reverse:{lat}:{lon}} at 5 decimals, 24 h. */
    public static final String REVERSE = "location:reverse:";

    public static final String BINS_GENERATION = "location:generation:bins";
    public static final String CENTERS_GENERATION = "location:generation:centers";

    /** With {@code enabled} false (LOCATION_CACHE=off) nothing touches Redis: every answer comes from the source. */
    public static LocationCaches create(RedisClient redis, boolean enabled) {
        Duration hour = Duration.ofHours(1);
        Duration day = Duration.ofHours(24);
        return new LocationCaches(
                ResultCache.versioned(redis, BINS, hour, BINS_GENERATION, enabled),
                ResultCache.versioned(redis, CENTERS_NEAR, hour, CENTERS_GENERATION, enabled),
                ResultCache.versioned(redis, CENTERS, day, CENTERS_GENERATION, enabled),
                ResultCache.plain(redis, GEOCODE, day, enabled),
                ResultCache.plain(redis, REVERSE, day, enabled));
    }
}
