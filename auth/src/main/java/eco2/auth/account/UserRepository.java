package eco2.auth.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for auth.users. */
@RegisterConstructorMapper(User.class)
public interface UserRepository {
    String COLUMNS = "id, email, username, password_hash, roles, is_active, is_verified, created_at";

    @SqlUpdate("INSERT INTO users (id, email, username, password_hash) VALUES (:id, :email, :username, :passwordHash)")
    void insert(
            @Bind("id") UUID id,
            @Bind("email") String email,
            @Bind("username") String username,
            @Bind("passwordHash") String passwordHash);

    /** An account created through a sign-in provider: no password until the user sets one by reset. */
    @SqlUpdate("INSERT INTO users (id, email, username, is_verified) VALUES (:id, :email, :username, :verified)")
    void insertWithoutPassword(
            @Bind("id") UUID id,
            @Bind("email") String email,
            @Bind("username") String username,
            @Bind("verified") boolean verified);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM users WHERE username = :username)")
    boolean usernameTaken(@Bind("username") String username);

    /** 1 only the first time: an account already verified is left alone. */
    @SqlUpdate("UPDATE users SET is_verified = true, updated_at = now() WHERE id = :id AND NOT is_verified")
    int markVerified(@Bind("id") UUID id);

    /** The caller verifies the email too (a reset link proves the mailbox), through EmailOwnership. */
    @SqlUpdate("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id")
    int changePassword(@Bind("id") UUID id, @Bind("hash") String passwordHash);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<User> findById(@Bind("id") UUID id);

    /**
     * Case is ignored. Only accounts that clashed before emails became unique ignoring case (V6) can share an
     * address; the exact spelling wins among them, then the account that kept the address.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email) "
            + "ORDER BY email = :email DESC, email_case_clash, created_at LIMIT 1")
    Optional<User> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
    Optional<User> findByUsername(@Bind("username") String username);

    /** For the admin stats. */
    @SqlQuery("SELECT count(*) FROM users")
    long countAll();

    @SqlQuery("SELECT count(*) FROM users WHERE created_at >= :since")
    long countCreatedSince(@Bind("since") Instant since);
}
