package eco2.auth.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.db.UniqueViolation;
import eco2.common.error.Conflict;
import eco2.common.error.Unauthorized;
import eco2.common.events.OutboxWriter;
import eco2.common.json.Json;
import eco2.common.redis.DocumentCache;
import eco2.common.redis.Prefetched;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Creates accounts, finds them for sign-in, and answers "who am I". */
public final class AccountService {
    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final DocumentCache cache;
    private final ObjectMapper mapper;
    private final OutboxWriter outbox;

    public AccountService(
            Jdbi jdbi, PasswordHasher hasher, DocumentCache cache, ObjectMapper mapper, OutboxWriter outbox) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.cache = cache;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    public RegisteredView register(RegisterRequest request) {
        String email = Credentials.normaliseEmail(request.email());
        String hash = hasher.hash(request.password()); // outside any transaction: it is the slow part
        UUID id = UUID.randomUUID();
        try {
            User user = jdbi.inTransaction(handle -> {
                UserRepository users = handle.attach(UserRepository.class);
                users.insert(id, email, request.username(), hash);
                User created = users.findById(id).orElseThrow();
                outbox.append(handle, UserRegistered.TYPE, UserRegistered.of(created, request.inviteCode()));
                return created;
            });
            return RegisteredView.of(user);
        } catch (UnableToExecuteStatementException e) {
            throw conflictOrRethrow(e);
        }
    }

    /** The account named by an email or a username. */
    public Optional<User> find(String login) {
        String trimmed = login.trim();
        return jdbi.withExtension(
                UserRepository.class,
                users -> trimmed.contains("@")
                        ? users.findByEmail(Credentials.normaliseEmail(trimmed))
                        : users.findByUsername(trimmed.toLowerCase(Locale.ROOT)));
    }

    /** Checks the password; an unknown account still costs one hash, so timing does not tell them apart. */
    public boolean passwordMatches(Optional<User> user, String password) {
        return hasher.verify(user.map(User::passwordHash).orElse(null), password);
    }

    /**
     * The caller's account as the JSON document /me returns: from the cache (possibly prefetched with the request's
     * rate-limit call) or from the table, then cached. Deactivated accounts are refused and never cached.
     */
    public String meJson(UUID userId, Prefetched prefetched) {
        return cache.read(userId, prefetched, () -> {
            UserView view = jdbi.withExtension(UserRepository.class, users -> users.findById(userId))
                    .map(UserView::of)
                    .orElseThrow(() -> new Unauthorized("Account no longer exists"));
            if (!view.isActive()) throw new Unauthorized("Account is deactivated");
            return Json.write(mapper, view);
        });
    }

    private static RuntimeException conflictOrRethrow(UnableToExecuteStatementException e) {
        return UniqueViolation.constraint(e)
                .<RuntimeException>map(constraint -> new Conflict(
                        constraint.contains("username") ? "Username is already taken" : "Email is already registered"))
                .orElse(e);
    }
}
