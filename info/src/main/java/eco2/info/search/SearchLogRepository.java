package eco2.info.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for user_queries (signed-in callers' history) and search_counts (every search, per day). */
public interface SearchLogRepository {
    @SqlBatch("INSERT INTO user_queries (user_id, query, created_at) VALUES (:userId, :query, :at)")
    void addUserQueries(
            @Bind("userId") List<UUID> userIds, @Bind("query") List<String> queries, @Bind("at") List<Instant> times);

    @SqlBatch("INSERT INTO search_counts (day, query, count) VALUES (:day, :query, :count) "
            + "ON CONFLICT (day, query) DO UPDATE SET count = search_counts.count + EXCLUDED.count")
    void addCounts(
            @Bind("day") List<LocalDate> days, @Bind("query") List<String> queries, @Bind("count") List<Long> counts);

    /** user.deleted: the user's search history goes; search_counts keeps no user and stays. */
    @SqlUpdate("DELETE FROM user_queries WHERE user_id = :userId")
    int deleteHistoryOf(@Bind("userId") UUID userId);
}
