package eco2.info.search;

/**
 * Session settings for every connection of the info pool, set once when the pool opens it (see
 * {@code Database.open(..., sessionSql)}) rather than in each search's transaction, which cost two round trips:
 * <ul>
 *   <li>{@code plan_cache_mode}: plan prepared statements once, with their parameters unknown. The ranking's custom
 *       plans cost about 1 ms each to make and the generic plan is as good (the branches its gates switch off are
 *       skipped at run time). The other info queries are key lookups and short ordered pages, whose generic plans
 *       are the custom ones.</li>
 *   <li>{@code pg_trgm.similarity_threshold}: the {@code %} operator keeps terms at least 40 % similar (default
 *       30 %). One-letter typos of Korean words land at 40-55 % over letters; the lower default only let the index
 *       hand over three times as many look-alikes to be checked one by one. Setting it before pg_trgm is loaded is
 *       allowed: the module takes the value when it loads.</li>
 * </ul>
 */
public final class SearchSession {
    public static final String SQL = "SET plan_cache_mode = force_generic_plan; SET pg_trgm.similarity_threshold = 0.4";

    private SearchSession() {}
}
