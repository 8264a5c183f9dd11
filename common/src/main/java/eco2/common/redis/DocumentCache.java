package eco2.common.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A per-user JSON document in Redis under {@code <prefix><id>} (e.g. {@code user:info:}), stored exactly as the
 * API returns it so a hit is served without parsing. Fail-open: when Redis is down, reads miss and writes are
 * skipped, so the database answers; a failed invalidation is logged and the TTL bounds the staleness.
 */
public final class DocumentCache {
    private static final Logger log = LoggerFactory.getLogger(DocumentCache.class);

    private final RedisClient redis;
    private final String prefix;
    private final long ttlSeconds;

    public DocumentCache(RedisClient redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttlSeconds = ttl.toSeconds();
    }

    public String key(UUID id) {
        return prefix + id;
    }

    /** Uses the value the request's gate already fetched when there is one, else asks Redis. */
    public Optional<String> get(UUID id, Prefetched prefetched) {
        String key = key(id);
        if (prefetched != null && prefetched.answers(key)) return Optional.ofNullable(prefetched.value());
        try {
            return Optional.ofNullable(redis.get(key));
        } catch (JedisException e) {
            log.warn("cache read of {} failed: {}", prefix, e.toString());
            return Optional.empty();
        }
    }

    public void put(UUID id, String json) {
        try {
            redis.setex(key(id), ttlSeconds, json);
        } catch (JedisException e) {
            log.warn("cache write of {} failed: {}", prefix, e.toString());
        }
    }

    public void invalidate(UUID id) {
        try {
            redis.del(key(id));
        } catch (JedisException e) {
            log.warn(
                    "cache invalidation of {}{} failed, stale for up to {} s: {}",
                    prefix,
                    id,
                    ttlSeconds,
                    e.toString());
        }
    }
}
