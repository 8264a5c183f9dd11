package eco2.auth.account;

import eco2.common.error.Conflict;
import eco2.common.error.NotFound;
import eco2.common.error.Unauthorized;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/** Creates accounts, finds them for sign-in, and answers "who am I". */
public final class AccountService {
  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final UserInfoCache cache;

  public AccountService(Jdbi jdbi, PasswordHasher hasher, UserInfoCache cache) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.cache = cache;
  }

  public RegisteredView register(RegisterRequest request) {
    String email = Credentials.normaliseEmail(request.email());
    String hash = hasher.hash(request.password()); // outside any transaction: it is the slow part
    UUID id = UUID.randomUUID();
    try {
      User user = jdbi.inTransaction(handle -> {
        UserRepository users = handle.attach(UserRepository.class);
        users.insert(id, email, request.username(), hash);
        return users.findById(id).orElseThrow();
      });
      return RegisteredView.of(user);
    } catch (UnableToExecuteStatementException e) {
      throw conflictOrRethrow(e);
    }
  }

  /** Finds the account named by an email or a username and checks the password, in constant-ish time. */
  public Optional<User> authenticate(String login, String password) {
    Optional<User> user = find(login);
    boolean ok = hasher.verify(user.map(User::passwordHash).orElse(null), password);
    return ok ? user : Optional.empty();
  }

  public UserView me(UUID userId) {
    Optional<UserView> cached = cache.get(userId);
    if (cached.isPresent()) return requireActive(cached.get());
    UserView view = jdbi.withExtension(UserRepository.class, users -> users.findById(userId))
        .map(UserView::of)
        .orElseThrow(() -> new NotFound("Account not found"));
    cache.put(view);
    return requireActive(view);
  }

  private static UserView requireActive(UserView view) {
    if (!view.isActive()) throw new Unauthorized("Account is deactivated");
    return view;
  }

  private Optional<User> find(String login) {
    String trimmed = login.trim();
    return jdbi.withExtension(UserRepository.class, users -> trimmed.contains("@")
        ? users.findByEmail(Credentials.normaliseEmail(trimmed))
        : users.findByUsername(trimmed.toLowerCase(java.util.Locale.ROOT)));
  }

  private static RuntimeException conflictOrRethrow(UnableToExecuteStatementException e) {
    if (e.getCause() instanceof PSQLException psql && "23505".equals(psql.getSQLState())) {
      String detail = String.valueOf(psql.getServerErrorMessage() == null ? "" : psql.getServerErrorMessage().getConstraint());
      return new Conflict(detail.contains("username") ? "Username is already taken" : "Email is already registered");
    }
    return e;
  }
}
