package eco2.auth.account;

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
  void insert(@Bind("id") UUID id, @Bind("email") String email, @Bind("username") String username,
              @Bind("passwordHash") String passwordHash);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
  Optional<User> findById(@Bind("id") UUID id);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
  Optional<User> findByEmail(@Bind("email") String email);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
  Optional<User> findByUsername(@Bind("username") String username);

  @SqlUpdate("UPDATE users SET is_active = false, updated_at = now() WHERE id = :id")
  int deactivate(@Bind("id") UUID id);
}
