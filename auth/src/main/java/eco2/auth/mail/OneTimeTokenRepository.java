package eco2.auth.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for auth.one_time_tokens. */
public interface OneTimeTokenRepository {
    @SqlUpdate("INSERT INTO one_time_tokens (token_hash, user_id, purpose, expires_at) "
            + "VALUES (:hash, :userId, :purpose, :expiresAt)")
    void insert(
            @Bind("hash") byte[] hash,
            @Bind("userId") UUID userId,
            @Bind("purpose") String purpose,
            @Bind("expiresAt") Instant expiresAt);

    /** Only the newest link works: earlier unused ones for the same purpose are spent when a new one is sent. */
    @SqlUpdate(
            "UPDATE one_time_tokens SET used_at = now() WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL")
    int retirePending(@Bind("userId") UUID userId, @Bind("purpose") String purpose);

    /** Spends a live token; of two parallel redemptions only one gets the user id back. */
    @SqlQuery("UPDATE one_time_tokens SET used_at = now() WHERE token_hash = :hash AND purpose = :purpose "
            + "AND used_at IS NULL AND expires_at > now() RETURNING user_id")
    Optional<UUID> consume(@Bind("hash") byte[] hash, @Bind("purpose") String purpose);

    @SqlQuery("SELECT user_id FROM one_time_tokens WHERE token_hash = :hash AND purpose = :purpose "
            + "AND used_at IS NULL AND expires_at > now()")
    Optional<UUID> findLive(@Bind("hash") byte[] hash, @Bind("purpose") String purpose);
}
