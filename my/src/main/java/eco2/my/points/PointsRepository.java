package eco2.my.points;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the ledger and the balances it keeps on profiles. */
public interface PointsRepository {
    /** 1 when recorded, 0 when this source already paid. */
    @SqlUpdate("INSERT INTO points_ledger (id, user_id, delta, reason, source_event_id) "
            + "VALUES (:id, :userId, :delta, :reason, :source) ON CONFLICT (source_event_id) DO NOTHING")
    int record(
            @Bind("id") UUID id,
            @Bind("userId") UUID userId,
            @Bind("delta") int delta,
            @Bind("reason") String reason,
            @Bind("source") UUID sourceEventId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM points_ledger WHERE source_event_id = :source)")
    boolean paid(@Bind("source") UUID sourceEventId);

    /** Applies a recorded entry to the balance (and the scan/recycle counters); returns the new balance. */
    @SqlQuery("UPDATE profiles SET points = points + :delta, "
            + "total_scans = total_scans + CASE WHEN :reason = 'scan' THEN 1 ELSE 0 END, "
            + "total_recycles = total_recycles + CASE WHEN :reason = 'recycle' THEN 1 ELSE 0 END, "
            + "updated_at = now() WHERE user_id = :userId RETURNING points")
    long applyToBalance(@Bind("userId") UUID userId, @Bind("delta") int delta, @Bind("reason") String reason);

    @SqlUpdate("UPDATE profiles SET level = :level WHERE user_id = :userId")
    void setLevel(@Bind("userId") UUID userId, @Bind("level") int level);

    /** A scan that paid nothing still counts, so total_scans is every completed scan, paid or not. */
    @SqlUpdate("UPDATE profiles SET total_scans = total_scans + 1, updated_at = now() WHERE user_id = :userId")
    void countUnpaidScan(@Bind("userId") UUID userId);

    @SqlQuery("SELECT points FROM profiles WHERE user_id = :userId AND deleted_at IS NULL")
    Optional<Long> balance(@Bind("userId") UUID userId);
}
