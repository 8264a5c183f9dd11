package eco2.auth.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for auth.api_keys (and the account's key entitlement in auth.users). */
@RegisterConstructorMapper(ApiKey.class)
public interface ApiKeyRepository {
    String COLUMNS = "id, user_id, family_id, name, prefix, key_hash, tier, created_at, last_used_at, expires_at, "
            + "revoked_at, rotated_to";

    /** The account's entitlement, locking the account row so concurrent creates count one at a time. */
    @SqlQuery("SELECT api_key_entitlement FROM users WHERE id = :userId AND is_active FOR UPDATE")
    Optional<String> lockEntitlement(@Bind("userId") UUID userId);

    @SqlQuery("SELECT count(*) FROM api_keys WHERE user_id = :userId AND revoked_at IS NULL "
            + "AND (expires_at IS NULL OR expires_at > now())")
    int countActive(@Bind("userId") UUID userId);

    @SqlUpdate("INSERT INTO api_keys (id, user_id, family_id, name, prefix, key_hash, tier) "
            + "VALUES (:id, :userId, :familyId, :name, :prefix, :hash, :tier)")
    void insert(
            @Bind("id") UUID id,
            @Bind("userId") UUID userId,
            @Bind("familyId") UUID familyId,
            @Bind("name") String name,
            @Bind("prefix") String prefix,
            @Bind("hash") byte[] hash,
            @Bind("tier") String tier);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
    Optional<ApiKey> find(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id FOR UPDATE")
    Optional<ApiKey> lock(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id AND user_id = :userId FOR UPDATE")
    Optional<ApiKey> lockOwned(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = :userId ORDER BY created_at DESC, id")
    List<ApiKey> listOf(@Bind("userId") UUID userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :prefix")
    Optional<ApiKey> findByPrefix(@Bind("prefix") String prefix);

    @SqlUpdate("UPDATE api_keys SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") UUID id);

    @SqlUpdate("UPDATE api_keys SET rotated_to = :next, expires_at = :expiresAt WHERE id = :id")
    int rotate(@Bind("id") UUID id, @Bind("next") UUID next, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT prefix FROM api_keys WHERE user_id = :userId AND revoked_at IS NULL")
    List<String> livePrefixesOf(@Bind("userId") UUID userId);

    @SqlQuery("SELECT api_key_entitlement FROM users WHERE id = :userId")
    Optional<String> entitlement(@Bind("userId") UUID userId);

    @SqlUpdate("UPDATE users SET api_key_entitlement = :tier, updated_at = now() WHERE id = :userId")
    int setEntitlement(@Bind("userId") UUID userId, @Bind("tier") String tier);

    /** Every live key of an account, revoked at once (the account was deleted); their prefixes, for Redis. */
    @SqlQuery("UPDATE api_keys SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL RETURNING prefix")
    List<String> revokeAllOf(@Bind("userId") UUID userId);

    /** At most once a minute per key, whichever auth replica drains the use first. */
    @SqlBatch("UPDATE api_keys SET last_used_at = :usedAt WHERE id = :id "
            + "AND (last_used_at IS NULL OR last_used_at < CAST(:usedAt AS timestamptz) - interval '1 minute')")
    int[] touch(@Bind("id") List<UUID> ids, @Bind("usedAt") List<Instant> usedAt);
}
