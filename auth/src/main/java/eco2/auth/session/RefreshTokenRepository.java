package eco2.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for auth.refresh_tokens. */
@RegisterConstructorMapper(RefreshToken.class)
public interface RefreshTokenRepository {
    String COLUMNS = "id, user_id, family_id, expires_at, used_at, revoked_at, session_expires_at";

    /** {@code expiresAt} is never after {@code sessionExpiresAt}, the end of the whole family. */
    @SqlUpdate("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, session_expires_at) "
            + "VALUES (:id, :userId, :familyId, :hash, :expiresAt, :sessionExpiresAt)")
    void insert(
            @Bind("id") UUID id,
            @Bind("userId") UUID userId,
            @Bind("familyId") UUID familyId,
            @Bind("hash") byte[] hash,
            @Bind("expiresAt") Instant expiresAt,
            @Bind("sessionExpiresAt") Instant sessionExpiresAt);

    /** Marks a live token used; only one caller can win this for a given token (row lock + re-check). */
    @SqlQuery("UPDATE refresh_tokens SET used_at = now() WHERE token_hash = :hash AND used_at IS NULL "
            + "AND revoked_at IS NULL AND expires_at > now() AND session_expires_at > now() RETURNING " + COLUMNS)
    Optional<RefreshToken> consume(@Bind("hash") byte[] hash);

    @SqlQuery("SELECT " + COLUMNS + " FROM refresh_tokens WHERE token_hash = :hash")
    Optional<RefreshToken> findByHash(@Bind("hash") byte[] hash);

    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(@Bind("familyId") UUID familyId);

    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOf(@Bind("userId") UUID userId);

    /** Revokes a family only if it belongs to the user: someone else's session is not ours to end. */
    @SqlUpdate("UPDATE refresh_tokens SET revoked_at = now() "
            + "WHERE family_id = :familyId AND user_id = :userId AND revoked_at IS NULL")
    int revokeFamilyOf(@Bind("familyId") UUID familyId, @Bind("userId") UUID userId);

    /** Up to {@code batch} rows that expired or were revoked before {@code before}; returns how many went. */
    @SqlUpdate("DELETE FROM refresh_tokens WHERE id IN (SELECT id FROM refresh_tokens "
            + "WHERE expires_at < :before OR revoked_at < :before LIMIT :batch)")
    int purge(@Bind("before") Instant before, @Bind("batch") int batch);
}
