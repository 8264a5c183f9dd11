package eco2.auth.admin;

import eco2.auth.account.User;
import eco2.auth.account.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL behind the admin panel: user search and changes, sign-in sessions, and auth.admin_audit. */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(AdminRepository.SessionRow.class)
@RegisterConstructorMapper(AdminRepository.AuditRow.class)
@RegisterConstructorMapper(AdminRepository.KeyRow.class)
public interface AdminRepository {
    /** LIKE patterns escape with '!' (a backslash would confuse the statement parser). */
    String MATCHES = "(email ILIKE :pattern ESCAPE '!' OR username ILIKE :pattern ESCAPE '!')";

    /** One sign-in (refresh-token family) of a user. */
    record SessionRow(UUID familyId, Instant startedAt, Instant lastUsedAt, Instant expiresAt, boolean active) {}

    /** An API key with its owner, as the panel lists it; {@code live} when not revoked and not past its grace. */
    record KeyRow(
            UUID id,
            String prefix,
            String name,
            String tier,
            UUID userId,
            String ownerEmail,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            Instant revokedAt,
            boolean live) {}

    String KEY_ROW = "SELECT k.id, k.prefix, k.name, k.tier, k.user_id, u.email AS owner_email, k.created_at, "
            + "k.last_used_at, k.expires_at, k.revoked_at, "
            + "(k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())) AS live "
            + "FROM api_keys k JOIN users u ON u.id = k.user_id ";
    String LIVE_OF_TIER = "WHERE k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()) "
            + "AND (CAST(:tier AS text) IS NULL OR k.tier = :tier) ";

    /** One line of the audit log. */
    record AuditRow(
            long id,
            Instant at,
            UUID actorId,
            String actorEmail,
            String action,
            String target,
            String detail,
            String requestId) {}

    @SqlQuery("SELECT " + UserRepository.COLUMNS + " FROM users WHERE " + MATCHES
            + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
    List<User> search(@Bind("pattern") String pattern, @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT count(*) FROM users WHERE " + MATCHES)
    long countMatching(@Bind("pattern") String pattern);

    @SqlQuery("SELECT count(*) FROM users")
    long countAll();

    @SqlQuery("SELECT count(*) FROM users WHERE created_at >= :since")
    long countCreatedSince(@Bind("since") Instant since);

    @SqlQuery("SELECT family_id, min(created_at) AS started_at, max(created_at) AS last_used_at, "
            + "max(expires_at) AS expires_at, "
            + "bool_or(used_at IS NULL AND revoked_at IS NULL AND expires_at > now()) AS active "
            + "FROM refresh_tokens WHERE user_id = :userId GROUP BY family_id ORDER BY max(created_at) DESC LIMIT 20")
    List<SessionRow> sessionsOf(@Bind("userId") UUID userId);

    @SqlUpdate("UPDATE users SET is_active = :active, updated_at = now() WHERE id = :id AND is_active <> :active")
    int setActive(@Bind("id") UUID id, @Bind("active") boolean active);

    @SqlUpdate("UPDATE users SET roles = array_append(roles, :role), updated_at = now() "
            + "WHERE id = :id AND NOT (:role = ANY (roles))")
    int addRole(@Bind("id") UUID id, @Bind("role") String role);

    @SqlUpdate("UPDATE users SET roles = array_remove(roles, :role), updated_at = now() "
            + "WHERE id = :id AND :role = ANY (roles)")
    int removeRole(@Bind("id") UUID id, @Bind("role") String role);

    @SqlQuery(KEY_ROW + LIVE_OF_TIER + "ORDER BY k.created_at DESC, k.id LIMIT :limit OFFSET :offset")
    List<KeyRow> liveKeys(@Bind("tier") String tier, @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT count(*) FROM api_keys k " + LIVE_OF_TIER)
    long countLiveKeys(@Bind("tier") String tier);

    @SqlQuery(KEY_ROW + "WHERE k.user_id = :userId ORDER BY k.created_at DESC, k.id LIMIT 50")
    List<KeyRow> keysOf(@Bind("userId") UUID userId);

    @SqlUpdate("INSERT INTO admin_audit (actor_id, actor_email, action, target, detail, request_id) "
            + "VALUES (:actorId, :actorEmail, :action, :target, :detail, :requestId)")
    void audit(
            @Bind("actorId") UUID actorId,
            @Bind("actorEmail") String actorEmail,
            @Bind("action") String action,
            @Bind("target") String target,
            @Bind("detail") String detail,
            @Bind("requestId") String requestId);

    @SqlQuery("SELECT id, at, actor_id, actor_email, action, target, detail, request_id FROM admin_audit "
            + "ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<AuditRow> auditPage(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT count(*) FROM admin_audit")
    long auditCount();
}
