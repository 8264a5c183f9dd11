package eco2.info.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * JSON documents in Redis under {@code <prefix><id>}, stored exactly as the API returns them, so a hit is served
 * byte for byte as the database path would have produced it.
 *
 * <p>Readers only {@link #fill} empty keys (SET NX) and writers {@link #put} after their commit; so a reader that
 * loaded a row just before a write cannot overwrite the writer's newer document. Fail-open: with Redis down reads miss
 * and writes are skipped, so the database answers; a lost write is logged and the TTL bounds the staleness.
 */
public final class JsonCache {
    private static final Logger log = LoggerFactory.getLogger(JsonCache.class);

    private final RedisClient redis;
    private final String prefix;
    private final long ttlSeconds;
    private final Counter hits;
    private final Counter misses;
    private final Counter failures;

    public JsonCache(RedisClient redis, MeterRegistry registry, String name, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttlSeconds = ttl.toSeconds();
        this.hits = counter(registry, name, "hit");
        this.misses = counter(registry, name, "miss");
        this.failures = counter(registry, name, "error");
    }

    public String key(String id) {
        return prefix + id;
    }

    public Optional<String> get(String id) {
        try {
            String value = redis.get(key(id));
            (value == null ? misses : hits).increment();
            return Optional.ofNullable(value);
        } catch (JedisException e) {
            failed("read", id, "answering from the database", e);
            return Optional.empty();
        }
    }

    /** Stores a document read from the database unless the key already holds one (possibly a newer write). */
    public void fill(String id, String json) {
        set(id, json, SetParams.setParams().nx().ex(ttlSeconds));
    }

    /** Stores a document a write just committed, replacing whatever was there. */
    public void put(String id, String json) {
        set(id, json, SetParams.setParams().ex(ttlSeconds));
    }

    /** Like {@link #put} with a shorter life, e.g. a marker that the row is gone. */
    public void put(String id, String value, Duration ttl) {
        set(id, value, SetParams.setParams().ex(ttl.toSeconds()));
    }

    public void delete(Collection<String> ids) {
        if (ids.isEmpty()) return;
        try {
            redis.del(ids.stream().map(this::key).toArray(String[]::new));
        } catch (JedisException e) {
            failed("invalidation", ids.size() + " keys", "stale for up to " + ttlSeconds + " s", e);
        }
    }

    private void set(String id, String value, SetParams params) {
        try {
            redis.set(key(id), value, params);
        } catch (JedisException e) {
            failed("write", id, "stale for up to " + ttlSeconds + " s if this replaced a document", e);
        }
    }

    private void failed(String what, String id, String consequence, JedisException e) {
        failures.increment();
        log.warn("cache {} of {}{} failed, {}: {}", what, prefix, id, consequence, e.toString());
    }

    private static Counter counter(MeterRegistry registry, String name, String result) {
        return Counter.builder("info_cache_requests_total")
                .description("Info cache reads and failures")
                .tag("cache", name)
                .tag("result", result)
                .register(registry);
    }
}
