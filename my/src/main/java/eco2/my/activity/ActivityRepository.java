package eco2.my.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the activity feed: one insert, and pages newest first, keyset-paginated on (created_at, id). */
@RegisterConstructorMapper(ActivityRow.class)
public interface ActivityRepository {
    String COLUMNS = "id, action, points_earned, metadata::text AS metadata, created_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM activities WHERE user_id = :userId "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<ActivityRow> firstPage(@Bind("userId") UUID userId, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM activities WHERE user_id = :userId AND (created_at, id) < (:at, :id) "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<ActivityRow> pageAfter(
            @Bind("userId") UUID userId, @Bind("at") Instant at, @Bind("id") UUID id, @Bind("limit") int limit);

    @SqlUpdate("INSERT INTO activities (id, user_id, action, points_earned, metadata) "
            + "VALUES (:id, :userId, :action, :points, CAST(:metadata AS jsonb))")
    void add(
            @Bind("id") UUID id,
            @Bind("userId") UUID userId,
            @Bind("action") String action,
            @Bind("points") int points,
            @Bind("metadata") String metadataJson);
}
