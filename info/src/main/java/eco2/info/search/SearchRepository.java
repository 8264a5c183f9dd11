package eco2.info.search;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The ranking query. It is long enough to deserve its own file: eco2/info/search/SearchRepository/search.sql. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SearchHit.class)
public interface SearchRepository {
  @SqlQuery
  List<SearchHit> search(@Bind("query") String query, @Bind("category") String category, @Bind("limit") int limit);
}
