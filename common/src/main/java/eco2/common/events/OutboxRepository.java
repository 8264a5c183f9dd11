package eco2.common.events;

import java.time.Instant;
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
    record Pending(UUID id, String type, String payload, Instant createdAt) {}

    @SqlUpdate("INSERT INTO outbox (id, type, payload) VALUES (:id, :type, CAST(:payload AS jsonb))")
    void insert(@Bind("id") UUID id, @Bind("type") String type, @Bind("payload") String payload);

    /**
     * Claims the oldest rows that are due by moving their {@code available_at} a lease ahead, and commits at once:
     * the relay then publishes without holding a row lock or a transaction. Other relays skip locked rows instead
     * of waiting and see claimed ones as not due, so replicas share the work; a relay that dies mid-batch leaves
     * its rows to whoever comes after the lease.
     */
    @SqlQuery("UPDATE outbox SET available_at = now() + make_interval(secs => :leaseSeconds) WHERE id IN ("
            + "SELECT id FROM outbox WHERE published_at IS NULL AND available_at <= now() "
            + "ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) "
            + "RETURNING id, type, payload::text AS payload, created_at")
    List<Pending> claim(@Bind("limit") int limit, @Bind("leaseSeconds") double leaseSeconds);

    @SqlUpdate("UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)")
    int markPublished(@Bind("ids") UUID[] ids);

    /** Gives claimed rows back at once, e.g. after the broker went away mid-batch. */
    @SqlUpdate("UPDATE outbox SET available_at = now() WHERE id = ANY(:ids) AND published_at IS NULL")
    int release(@Bind("ids") UUID[] ids);

    /** Rows the broker returned (no queue bound to their routing key yet) wait 1, 2, 4… up to 30 s per try. */
    @SqlUpdate("UPDATE outbox SET attempts = attempts + 1, "
            + "available_at = now() + make_interval(secs => least(30, power(2, attempts))) "
            + "WHERE id = ANY(:ids) AND published_at IS NULL")
    int deferReturned(@Bind("ids") UUID[] ids);

    /** Deletes up to {@code limit} rows published before {@code cutoff}; never an unpublished one. */
    @SqlUpdate("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < :cutoff LIMIT :limit)")
    int purgePublished(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")
    long countPending();
}
