package eco2.info.search;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The ranking queries. They are long enough to deserve their own files, with the scoring explained there:
 * eco2/info/search/SearchRepository/*.sql. The service runs them through {@link SearchQueries}; tests use this
 * interface. Both expect the session settings of {@link SearchSession}.
 */
@UseClasspathSqlLocator
@RegisterRowMapper(SearchHitMapper.class)
public interface SearchRepository {
  /**
   * The full ranking. {@code broad} adds the costly evidence, similar spellings and descriptions; {@code fuzzy}
   * allows the spellings (the query is long enough for similarity to mean anything).
   */
  @SqlQuery
  List<SearchHit> search(@Bind("query") String query, @Bind("category") String category, @Bind("limit") int limit,
                         @Bind("broad") boolean broad, @Bind("fuzzy") boolean fuzzy);

  /** Only names and keywords that contain the query: the same top hits as {@link #search} whenever it fills a page. */
  @SqlQuery
  List<SearchHit> strong(@Bind("query") String query, @Bind("category") String category, @Bind("limit") int limit);

  /** How many trigrams the database sees in a Hangul word: 0 when its LC_CTYPE does not count Hangul as letters. */
  @SqlQuery
  int hangulTrigrams();
}
