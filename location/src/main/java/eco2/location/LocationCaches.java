package eco2.location;

import eco2.common.redis.DocumentCache;
import eco2.common.redis.Generation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/**
 * Every Redis cache of the location service, with its key scheme and lifetime. Searches are keyed by coordinates
 * rounded to 4 decimals; imports invalidate bins and centres by bumping a generation counter, stamped on each value.
 */
public record LocationCaches(
        DocumentCache binsNearby,
        DocumentCache centersNearby,
        DocumentCache centersByRegion,
        DocumentCache geocodes,
        DocumentCache reverses) {
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

    /** With {@code enabled} false (LOCATION_CACHE=off) nothing is read or cached: every answer comes from the source. */
    public static LocationCaches create(RedisClient redis, MeterRegistry registry, boolean enabled) {
        Duration hour = Duration.ofHours(1);
        Duration day = Duration.ofHours(24);
        Generation bins = Generation.stamped(BINS_GENERATION);
        Generation centers = Generation.stamped(CENTERS_GENERATION);
        return new LocationCaches(
                DocumentCache.create(redis, registry, "bins", BINS, hour)
                        .withGeneration(bins)
                        .enabled(enabled),
                DocumentCache.create(redis, registry, "centers_near", CENTERS_NEAR, hour)
                        .withGeneration(centers)
                        .enabled(enabled),
                DocumentCache.create(redis, registry, "centers", CENTERS, day)
                        .withGeneration(centers)
                        .enabled(enabled),
                DocumentCache.create(redis, registry, "geocode", GEOCODE, day).enabled(enabled),
                DocumentCache.create(redis, registry, "reverse", REVERSE, day).enabled(enabled));
    }
}
