package eco2.common.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The one Redis cache of JSON documents: each under {@code <prefix><id>}, stored exactly as the API returns it, so a
 * hit is served without parsing and is the very text the loader would have produced. Every entry lives for the
 * cache's TTL. Reads are counted on {@code /metrics} as {@code cache_hits_total}, {@code cache_misses_total} and
 * {@code cache_errors_total}, each with {@code cache="<name>"}.
 *
 * <p>A cache may be invalidated wholesale through a generation counter in Redis (see {@link Generation}): one INCR
 * and every entry written before becomes a miss at once, on every replica, without listing keys; the old entries age
 * out with their TTL. The counter is read in the same round trip as the document.
 *
 * <p>Fail-open: when Redis cannot answer, a read misses (the loader answers), a failed write is logged and skipped,
 * and so is a failed invalidation; the TTL bounds how long anything stays stale. A generation cache whose read
 * failed does not even try to write, since it cannot know which generation the answer belongs to.
 */
public final class DocumentCache {
    private static final Logger log = LoggerFactory.getLogger(DocumentCache.class);

    private final RedisClient redis;
    private final String name;
    private final String prefix;
    private final Duration ttl;
    private final Generation generation;
    private final boolean enabled;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;
    /** IN_KEY only: the generation last seen, so one MGET usually reads the counter and the right key together. */
    private volatile String lastGeneration = Generation.FIRST;

    private DocumentCache(
            RedisClient redis,
            String name,
            String prefix,
            Duration ttl,
            Generation generation,
            boolean enabled,
            Counter hits,
            Counter misses,
            Counter errors) {
        this.redis = redis;
        this.name = name;
        this.prefix = prefix;
        this.ttl = ttl;
        this.generation = generation;
        this.enabled = enabled;
        this.hits = hits;
        this.misses = misses;
        this.errors = errors;
    }

    /** A cache whose entries only expire or are invalidated one by one; {@code name} labels its metrics. */
    public static DocumentCache create(
            RedisClient redis, MeterRegistry registry, String name, String prefix, Duration ttl) {
        return new DocumentCache(
                redis,
                name,
                prefix,
                ttl,
                Generation.NONE,
                true,
                counter(registry, "cache.hits", "Cache reads answered from Redis", name),
                counter(registry, "cache.misses", "Cache reads the loader answered", name),
                counter(registry, "cache.errors", "Cache reads and writes that Redis failed", name));
    }

    /** The same cache, invalidated as a whole by bumping {@code generation}. */
    public DocumentCache withGeneration(Generation generation) {
        return new DocumentCache(redis, name, prefix, ttl, generation, enabled, hits, misses, errors);
    }

    /**
     * The same cache, switched off when {@code enabled} is false: reads miss and fills are skipped without a call
     * to Redis, and nothing is counted. Invalidations still reach Redis, for the replicas that do cache.
     */
    public DocumentCache enabled(boolean enabled) {
        return new DocumentCache(redis, name, prefix, ttl, generation, enabled, hits, misses, errors);
    }

    /**
     * What one read found: {@code document} is null on a miss. {@code key} and {@code generation} say where a
     * {@link #fill} of that miss goes; {@code generation} is null when there is none or Redis could not tell.
     */
    public record Lookup(String key, String document, String generation) {
        public boolean hit() {
            return document != null;
        }
    }

    /** The document under {@code id}, else {@code loader}'s answer, which is then cached. */
    public String read(String id, Supplier<String> loader) {
        return orLoad(get(id), loader);
    }

    /** Like {@link #read(String, Supplier)} for a per-user document that the request's gate may have fetched. */
    public String read(UUID id, Prefetched prefetched, Supplier<String> loader) {
        return orLoad(get(id.toString(), prefetched), loader);
    }

    public Lookup get(String id) {
        return get(id, null);
    }

    /** Uses the value the request's gate already fetched for this key when there is one, else asks Redis. */
    public Lookup get(String id, Prefetched prefetched) {
        if (!enabled) return new Lookup(null, null, null);
        if (prefetched != null && generation.isNone() && prefetched.answers(prefix + id))
            return counted(new Lookup(prefix + id, prefetched.value(), null));
        try {
            return counted(
                    switch (generation.placement()) {
                        case NONE -> new Lookup(prefix + id, redis.get(prefix + id), null);
                        case STAMPED -> stamped(id);
                        case IN_KEY -> inKey(id);
                    });
        } catch (JedisException e) {
            errors.increment();
            log.warn("cache read of {}{} failed, answering from the source: {}", prefix, id, e.toString());
            // A plain cache still tries to store the answer, as it always has; a generation cache cannot.
            return new Lookup(generation.isNone() ? prefix + id : null, null, null);
        }
    }

    /**
     * Stores {@code json} for a {@code miss} of {@link #get}. An entry someone else stored meanwhile is kept (it is
     * no older than this one), except a stamped entry, whose key may still hold an older generation's document.
     */
    public void fill(Lookup miss, String json) {
        if (!enabled || miss.key() == null || (!generation.isNone() && miss.generation() == null)) return;
        switch (generation.placement()) {
            case NONE, IN_KEY ->
                set(miss.key(), json, SetParams.setParams().nx().ex(ttl.toSeconds()));
            case STAMPED ->
                set(
                        miss.key(),
                        miss.generation() + Generation.STAMP_END + json,
                        SetParams.setParams().ex(ttl.toSeconds()));
        }
    }

    /** Stores a document a write just committed, replacing whatever was there. Not for a generation cache. */
    public void put(String id, String json) {
        put(id, json, ttl);
    }

    /** Like {@link #put(String, String)} with another lifetime, e.g. a short marker that the row is gone. */
    public void put(String id, String value, Duration lifetime) {
        requireNoGeneration("put");
        set(prefix + id, value, SetParams.setParams().ex(lifetime.toSeconds()));
    }

    public void invalidate(UUID id) {
        invalidate(List.of(id.toString()));
    }

    public void invalidate(String id) {
        invalidate(List.of(id));
    }

    /** Drops these entries (one DEL). Not for a generation cache: bump it with {@link #invalidateAll()}. */
    public void invalidate(Collection<String> ids) {
        requireNoGeneration("invalidate");
        if (ids.isEmpty()) return;
        try {
            redis.del(ids.stream().map(id -> prefix + id).toArray(String[]::new));
        } catch (JedisException e) {
            errors.increment();
            log.warn(
                    "cache invalidation of {} keys of {} failed, stale for up to {}: {}",
                    ids.size(),
                    prefix,
                    ttl,
                    e.toString());
        }
    }

    /** Makes every entry written so far a miss (one INCR). Returns false when Redis could not be told. */
    public boolean invalidateAll() {
        if (generation.isNone()) throw new IllegalStateException(name + " has no generation");
        try {
            redis.incr(generation.counterKey());
            return true;
        } catch (JedisException e) {
            errors.increment();
            log.warn("cache invalidation of {} failed, stale for up to {}: {}", name, ttl, e.toString());
            return false;
        }
    }

    private String orLoad(Lookup lookup, Supplier<String> loader) {
        if (lookup.hit()) return lookup.document();
        String json = loader.get();
        fill(lookup, json);
        return json;
    }

    private Lookup stamped(String id) {
        String key = prefix + id;
        List<String> values = redis.mget(generation.counterKey(), key);
        String current = Generation.orFirst(values.get(0));
        return new Lookup(key, Generation.unstamp(values.get(1), current), current);
    }

    private Lookup inKey(String id) {
        String guess = lastGeneration;
        List<String> values = redis.mget(generation.counterKey(), Generation.key(prefix, guess, id));
        String current = Generation.orFirst(values.get(0));
        if (current.equals(guess)) return new Lookup(Generation.key(prefix, current, id), values.get(1), current);
        lastGeneration = current;
        String key = Generation.key(prefix, current, id);
        return new Lookup(key, redis.get(key), current);
    }

    private Lookup counted(Lookup lookup) {
        (lookup.hit() ? hits : misses).increment();
        return lookup;
    }

    private void set(String key, String value, SetParams params) {
        try {
            redis.set(key, value, params);
        } catch (JedisException e) {
            errors.increment();
            log.warn("cache write of {} failed: {}", key, e.toString());
        }
    }

    private void requireNoGeneration(String what) {
        if (!generation.isNone()) throw new IllegalStateException(name + " has a generation: no single-entry " + what);
    }

    private static Counter counter(MeterRegistry registry, String metric, String description, String cache) {
        return Counter.builder(metric)
                .description(description)
                .tag("cache", cache)
                .register(registry);
    }
}
