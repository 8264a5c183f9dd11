package eco2.info.search;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Runs the ranking queries of {@link SearchRepository} on JDBI's fluent API, with their text read from the
 * classpath once. Search is the info service's hot path, and a profile showed the SqlObject proxy (locating the
 * SQL, resolving the generic return type, configuring the statement) costing as much CPU as the driver itself.
 */
final class SearchQueries {
  private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.removingComments();
  private static final String STRONG = sql("strong");
  private static final String SEARCH = sql("search");
  private static final SearchHitMapper MAPPER = new SearchHitMapper();

  private SearchQueries() {}

  /** As {@link SearchRepository#strong}. */
  static List<SearchHit> strong(Handle handle, String query, String category, int limit) {
    return handle.createQuery(STRONG).bind("query", query).bind("category", category).bind("limit", limit)
        .map(MAPPER).list();
  }

  /** As {@link SearchRepository#search}. */
  static List<SearchHit> search(Handle handle, String query, String category, int limit, boolean broad,
                                boolean fuzzy) {
    return handle.createQuery(SEARCH).bind("query", query).bind("category", category).bind("limit", limit)
        .bind("broad", broad).bind("fuzzy", fuzzy).map(MAPPER).list();
  }

  private static String sql(String name) {
    return LOCATOR.getResource(SearchRepository.class.getClassLoader(),
        SearchRepository.class.getName().replace('.', '/') + "/" + name + ".sql");
  }
}
