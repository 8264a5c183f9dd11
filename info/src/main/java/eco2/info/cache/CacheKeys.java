package eco2.info.cache;

import java.time.Duration;

/** The Redis keys info owns (API.md, "info"), and how long each lives. */
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
}
