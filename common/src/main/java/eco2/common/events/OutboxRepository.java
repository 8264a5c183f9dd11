package eco2.common.events;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the {@code outbox} table every publishing service has in its own schema. */
@RegisterConstructorMapper(OutboxRepository.Pending.class)
public interface OutboxRepository {
    /** A row waiting to be published. */
    record Pending(UUID id, String type, String payload) {}

    @SqlUpdate("INSERT INTO outbox (id, type, payload) VALUES (:id, :type, CAST(:payload AS jsonb))")
    void insert(@Bind("id") UUID id, @Bind("type") String type, @Bind("payload") String payload);

    /** Locks the oldest pending rows; other relays skip them instead of waiting, so replicas share the work. */
    @SqlQuery("SELECT id, type, payload::text AS payload FROM outbox WHERE published_at IS NULL "
            + "ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<Pending> lockPending(@Bind("limit") int limit);

    @SqlUpdate("UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)")
    int markPublished(@Bind("ids") UUID[] ids);

    @SqlQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")
    long countPending();
}
