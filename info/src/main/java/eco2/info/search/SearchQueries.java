package eco2.info.search;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Runs the ranking query of {@link SearchRepository} on JDBI's fluent API, with its text read from the classpath
 * once. Search is the info service's hot path, and a profile showed the SqlObject proxy (locating the
 * SQL, resolving the generic return type, configuring the statement) costing as much CPU as the driver itself.
 */
final class SearchQueries {
    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();
    /** The ranking, search.sql; package-private so that tests can check its gates. */
    static final String SEARCH = sql("search");

    private static final SearchHitMapper MAPPER = new SearchHitMapper();

    private SearchQueries() {}

    /** As {@link SearchRepository#search}. */
    static List<SearchHit> search(Handle handle, String query, String category, int limit, boolean fuzzy) {
        return run(handle, SEARCH, query, category, limit, fuzzy);
    }

    /** {@code sql} with the ranking's parameters bound, mapped to hits. */
    static List<SearchHit> run(Handle handle, String sql, String query, String category, int limit, boolean fuzzy) {
        return handle.createQuery(sql)
                .bind("query", query)
                .bind("category", category)
                .bind("limit", limit)
                .bind("fuzzy", fuzzy)
                .map(MAPPER)
                .list();
    }

    private static String sql(String name) {
        return LOCATOR.getResource(
                SearchRepository.class.getClassLoader(),
                SearchRepository.class.getName().replace('.', '/') + "/" + name + ".sql");
    }
}
