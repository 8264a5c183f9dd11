package eco2.info.search;

import eco2.info.cache.CacheKeys;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The number inside every search cache key. Any catalogue write increments it, which retires every cached answer at
 * once without listing keys (no SCAN, no KEYS); the old entries age out with their one-hour TTL.
 */
public final class SearchGeneration {
    private static final Logger log = LoggerFactory.getLogger(SearchGeneration.class);

    private final RedisClient redis;

    public SearchGeneration(RedisClient redis) {
        this.redis = redis;
    }

    /** The current generation, or empty when Redis cannot say (the caller then skips the cache). */
    public OptionalLong current() {
        try {
            String value = redis.get(CacheKeys.SEARCH_GENERATION);
            return OptionalLong.of(value == null ? 0 : Long.parseLong(value));
        } catch (JedisException | NumberFormatException e) {
            log.warn("search cache generation unreadable, searching without the cache: {}", e.toString());
            return OptionalLong.empty();
        }
    }

    /** After a committed catalogue change. If Redis is down, cached answers may be stale for up to their TTL. */
    public void bump() {
        try {
            redis.incr(CacheKeys.SEARCH_GENERATION);
        } catch (JedisException e) {
            log.warn(
                    "search cache generation not bumped, cached searches stale for up to {}: {}",
                    CacheKeys.SEARCH_TTL,
                    e.toString());
        }
    }
}
