package eco2.location.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Finished JSON answers in Redis under {@code <prefix><suffix>}, stored as the exact bytes served: a hit is neither
 * parsed nor re-encoded, and is byte-for-byte what the database path would answer.
 *
 * <p>With a generation key, every value is stamped with the generation it was computed under, and one MGET reads
 * both the value and the current generation: an import bumps the generation (one INCR) and every older entry
 * becomes a miss at once, on every replica, without scanning for keys. Fail-open: when Redis cannot answer, reads
 * miss and writes are skipped, so the database serves.
 */
public final class ResultCache {
    private static final Logger log = LoggerFactory.getLogger(ResultCache.class);
    /** Ends the stamp; compact JSON never holds a raw line feed. */
    private static final byte STAMP_END = '\n';

    private final RedisClient redis;
    private final String prefix;
    private final long ttlSeconds;
    private final byte[] generationKey;
    private final boolean enabled;

    private ResultCache(RedisClient redis, String prefix, Duration ttl, String generationKey, boolean enabled) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttlSeconds = ttl.toSeconds();
        this.generationKey = generationKey == null ? null : bytes(generationKey);
        this.enabled = enabled;
    }

    /** Entries that imports invalidate through {@code generationKey}. */
    public static ResultCache versioned(
            RedisClient redis, String prefix, Duration ttl, String generationKey, boolean enabled) {
        return new ResultCache(redis, prefix, ttl, generationKey, enabled);
    }

    /** Entries that only expire. */
    public static ResultCache plain(RedisClient redis, String prefix, Duration ttl, boolean enabled) {
        return new ResultCache(redis, prefix, ttl, null, enabled);
    }

    /** The answer of one read: {@code json} null on a miss; {@code generation} to stamp a later {@link #put}. */
    public record Lookup(byte[] key, byte[] json, byte[] generation) {
        public boolean hit() {
            return json != null;
        }
    }

    public Lookup get(String suffix) {
        byte[] key = bytes(prefix + suffix);
        if (!enabled) return new Lookup(key, null, null);
        try {
            if (generationKey == null) return new Lookup(key, redis.get(key), null);
            List<byte[]> values = redis.mget(generationKey, key);
            byte[] generation = values.get(0) == null ? bytes("0") : values.get(0);
            return new Lookup(key, unstamp(values.get(1), generation), generation);
        } catch (JedisException e) {
            log.warn("cache read of {} failed, answering from the source: {}", prefix, e.toString());
            return new Lookup(key, null, null);
        }
    }

    /** Stores {@code json} for the key of {@code lookup}; skipped when the read could not learn the generation. */
    public void put(Lookup lookup, byte[] json) {
        if (!enabled || (generationKey != null && lookup.generation() == null)) return;
        try {
            redis.setex(lookup.key(), ttlSeconds, generationKey == null ? json : stamp(lookup.generation(), json));
        } catch (JedisException e) {
            log.warn("cache write of {} failed: {}", prefix, e.toString());
        }
    }

    /** Makes every entry written so far a miss (one INCR). Returns false when Redis could not be told. */
    public boolean invalidateAll() {
        if (generationKey == null) throw new IllegalStateException(prefix + " has no generation");
        try {
            redis.incr(generationKey);
            return true;
        } catch (JedisException e) {
            log.warn("cache invalidation of {} failed, stale for up to {} s: {}", prefix, ttlSeconds, e.toString());
            return false;
        }
    }

    private static byte[] stamp(byte[] generation, byte[] json) {
        byte[] value = Arrays.copyOf(generation, generation.length + 1 + json.length);
        value[generation.length] = STAMP_END;
        System.arraycopy(json, 0, value, generation.length + 1, json.length);
        return value;
    }

    private static byte[] unstamp(byte[] stored, byte[] generation) {
        int n = generation.length;
        if (stored == null || stored.length <= n || stored[n] != STAMP_END) return null;
        if (!Arrays.equals(stored, 0, n, generation, 0, n)) return null;
        return Arrays.copyOfRange(stored, n + 1, stored.length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
