package eco2.workers.scan;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for Idempotency-Key: the primary key (caller, key) lets exactly one of concurrent duplicates claim it. */
@RegisterConstructorMapper(IdempotencyRepository.Claim.class)
public interface IdempotencyRepository {
    /** Who holds a key, and for which request body. */
    record Claim(String requestHash, UUID taskId) {}

    /** Keys live 24 h: an older claim is released before a new one is tried. */
    @SqlUpdate("DELETE FROM idempotency_keys WHERE caller = :caller AND key = :key "
            + "AND created_at < now() - interval '24 hours'")
    void releaseExpired(@Bind("caller") String caller, @Bind("key") String key);

    @SqlUpdate("INSERT INTO idempotency_keys (caller, key, request_hash, task_id) VALUES (:caller, :key, :hash, :task) "
            + "ON CONFLICT DO NOTHING")
    int claim(
            @Bind("caller") String caller, @Bind("key") String key, @Bind("hash") String hash, @Bind("task") UUID task);

    @SqlQuery("SELECT request_hash, task_id FROM idempotency_keys WHERE caller = :caller AND key = :key")
    Optional<Claim> find(@Bind("caller") String caller, @Bind("key") String key);
}
