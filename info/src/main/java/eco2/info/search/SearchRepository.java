package eco2.info.search;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The ranking query. It is long enough to deserve its own file, with the scoring explained there:
 * eco2/info/search/SearchRepository/search.sql. The service runs it through {@link SearchQueries}; tests use this
 * interface. Both expect the session settings of {@link SearchSession}.
 */
@UseClasspathSqlLocator
@RegisterRowMapper(SearchHitMapper.class)
public interface SearchRepository {
    /**
     * The ranking, one page. {@code fuzzy} allows similar spellings (the query is long enough for similarity to mean
     * anything); the query itself decides which other evidence is worth looking for (see search.sql).
     */
    @SqlQuery
    List<SearchHit> search(
            @Bind("query") String query,
            @Bind("category") String category,
            @Bind("limit") int limit,
            @Bind("fuzzy") boolean fuzzy);

    /** How many trigrams the database sees in a Hangul word: 0 when its LC_CTYPE does not count Hangul as letters. */
    @SqlQuery
    int hangulTrigrams();
}
