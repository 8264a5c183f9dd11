package eco2.info.cache;

import eco2.common.redis.DocumentCache;
import eco2.common.redis.Generation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/** The Redis keys info owns (API.md, "info"), how long each lives, and the caches that keep them. */
public final class CacheKeys {
    /** {@code recycle:item:{id}}: the GET /items/{id} document. */
    public static final String ITEM = "recycle:item:";

    public static final Duration ITEM_TTL = Duration.ofHours(24);
    /** {@code recycle:categories}: the GET /categories document (its id part is empty). */
    public static final String CATEGORIES = "recycle:categories";

    public static final Duration CATEGORIES_TTL = Duration.ofHours(24);
    /** {@code recycle:search:{generation}:{category}:{limit}:{normalised query}}: one search answer. */
    public static final String SEARCH = "recycle:search:";

    public static final Duration SEARCH_TTL = Duration.ofHours(1);
    /** The counter in every search key; a catalogue write increments it, so all older answers are unreachable at once. */
    public static final String SEARCH_GENERATION = "recycle:search-generation";
    /** {@code recycle:rules:{region as asked, normalised}}: one region's rules document. */
    public static final String RULES = "recycle:rules:";

    public static final Duration RULES_TTL = Duration.ofHours(24);

    private CacheKeys() {}

    public static DocumentCache items(RedisClient redis, MeterRegistry registry) {
        return DocumentCache.create(redis, registry, "item", ITEM, ITEM_TTL);
    }

    public static DocumentCache categories(RedisClient redis, MeterRegistry registry) {
        return DocumentCache.create(redis, registry, "categories", CATEGORIES, CATEGORIES_TTL);
    }

    public static DocumentCache rules(RedisClient redis, MeterRegistry registry) {
        return DocumentCache.create(redis, registry, "rules", RULES, RULES_TTL);
    }

    public static DocumentCache searches(RedisClient redis, MeterRegistry registry) {
        return DocumentCache.create(redis, registry, "search", SEARCH, SEARCH_TTL)
                .withGeneration(Generation.inKey(SEARCH_GENERATION));
    }
}
