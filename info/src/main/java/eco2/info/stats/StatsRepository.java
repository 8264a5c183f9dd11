package eco2.info.stats;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for the statistics (and the admin stats' counts): counts over items, search_counts and faqs. */
public interface StatsRepository {
    @SqlQuery(
            "SELECT c.key AS category, c.name, count(i.id) AS item_count FROM categories c "
                    + "LEFT JOIN items i ON i.category = c.key GROUP BY c.key, c.name, c.display_order ORDER BY c.display_order")
    @RegisterConstructorMapper(Stats.CategoryCount.class)
    List<Stats.CategoryCount> itemsByCategory();

    @SqlQuery("SELECT query, sum(count) AS count FROM search_counts WHERE day >= :since "
            + "GROUP BY query ORDER BY sum(count) DESC, query LIMIT :limit")
    @RegisterConstructorMapper(Stats.SearchCount.class)
    List<Stats.SearchCount> topSearches(@Bind("since") LocalDate since, @Bind("limit") int limit);

    @SqlQuery(
            "SELECT id, slug, question, view_count FROM faqs ORDER BY view_count DESC, display_order, id LIMIT :limit")
    @RegisterConstructorMapper(Stats.FaqViews.class)
    List<Stats.FaqViews> mostViewed(@Bind("limit") int limit);

    /** For the admin stats. */
    @SqlQuery("SELECT count(*) FROM items")
    long countItems();

    @SqlQuery("SELECT count(*) FROM faqs")
    long countFaqs();
}
