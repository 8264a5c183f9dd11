package eco2.auth.oauth;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for auth.social_accounts. */
public interface SocialAccountRepository {
    @SqlQuery("SELECT user_id FROM social_accounts WHERE provider = :provider AND provider_user_id = :subject")
    Optional<UUID> findUserId(@Bind("provider") String provider, @Bind("subject") String subject);

    /** {@code emailVerified}: the provider had verified {@code email} when the link was made. */
    @SqlUpdate("INSERT INTO social_accounts (provider, provider_user_id, user_id, email, email_verified) "
            + "VALUES (:provider, :subject, :userId, :email, :emailVerified)")
    void link(
            @Bind("provider") String provider,
            @Bind("subject") String subject,
            @Bind("userId") UUID userId,
            @Bind("email") String email,
            @Bind("emailVerified") boolean emailVerified);

    @SqlUpdate("DELETE FROM social_accounts WHERE user_id = :userId AND NOT email_verified")
    int unlinkUnverified(@Bind("userId") UUID userId);
}
