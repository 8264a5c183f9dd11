package eco2.auth.admin;

import eco2.auth.account.User;
import eco2.auth.account.UserRepository;
import eco2.auth.apikeys.ApiKey;
import eco2.auth.apikeys.ApiKeyService;
import eco2.auth.session.RefreshTokenRepository;
import eco2.auth.session.UserTokenRevoker;
import eco2.common.error.Conflict;
import eco2.common.error.NotFound;
import eco2.common.redis.DocumentCache;
import eco2.common.security.ApiTier;
import eco2.common.security.Roles;
import eco2.common.security.SecurityLog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What an admin can do to accounts and API keys from the panel, each change and its audit line in one transaction.
 * Deactivating or taking the admin role away ends the user's access tokens everywhere first (fail-closed: without
 * Redis nothing changes), deactivation also their API keys, then their refresh tokens with the change itself.
 */
public final class AdminService {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final int PAGE_SIZE = 20;

    private final Jdbi jdbi;
    private final UserTokenRevoker userTokens;
    private final ApiKeyService apiKeys;
    private final DocumentCache userInfo;
    private final Clock clock;

    public AdminService(
            Jdbi jdbi, UserTokenRevoker userTokens, ApiKeyService apiKeys, DocumentCache userInfo, Clock clock) {
        this.jdbi = jdbi;
        this.userTokens = userTokens;
        this.apiKeys = apiKeys;
        this.userInfo = userInfo;
        this.clock = clock;
    }

    /** Who performs an action, and the request it came with. */
    public record Actor(UUID id, String email, String requestId) {}

    public record UserPage(List<User> users, long total, int page) {}

    public record UserCounts(long total, long newToday) {}

    public record KeyPage(List<AdminRepository.KeyRow> keys, long total, int page) {}

    public UserCounts counts() {
        var midnight = LocalDate.now(clock.withZone(SEOUL)).atStartOfDay(SEOUL).toInstant();
        return jdbi.withExtension(
                AdminRepository.class, repo -> new UserCounts(repo.countAll(), repo.countCreatedSince(midnight)));
    }

    public UserPage search(String query, int page) {
        String pattern = "%" + escapeLike(query == null ? "" : query.trim()) + "%";
        int offset = (page - 1) * PAGE_SIZE;
        return jdbi.withExtension(
                AdminRepository.class,
                repo -> new UserPage(repo.search(pattern, PAGE_SIZE, offset), repo.countMatching(pattern), page));
    }

    public User user(UUID id) {
        return jdbi.withExtension(UserRepository.class, users -> users.findById(id))
                .orElseThrow(() -> new NotFound("No such user"));
    }

    public List<AdminRepository.SessionRow> sessions(UUID id) {
        return jdbi.withExtension(AdminRepository.class, repo -> repo.sessionsOf(id));
    }

    public void deactivate(Actor actor, UUID id) {
        refuseSelf(actor, id);
        user(id);
        userTokens.revokeAll(id);
        apiKeys.revokeAllOf(id);
        jdbi.useTransaction(handle -> {
            handle.attach(AdminRepository.class).setActive(id, false);
            handle.attach(RefreshTokenRepository.class).revokeAllOf(id);
            audit(handle.attach(AdminRepository.class), actor, "user.deactivate", id);
        });
        userInfo.invalidate(id);
    }

    public void reactivate(Actor actor, UUID id) {
        user(id);
        jdbi.useTransaction(handle -> {
            handle.attach(AdminRepository.class).setActive(id, true);
            audit(handle.attach(AdminRepository.class), actor, "user.reactivate", id);
        });
        userInfo.invalidate(id);
    }

    public void grantAdmin(Actor actor, UUID id) {
        user(id);
        jdbi.useTransaction(handle -> {
            handle.attach(AdminRepository.class).addRole(id, Roles.ADMIN);
            audit(handle.attach(AdminRepository.class), actor, "user.grant_admin", id);
        });
        userInfo.invalidate(id);
    }

    /** Tokens that still carry the role end at once; the next sign-in gets a token without it. */
    public void revokeAdmin(Actor actor, UUID id) {
        refuseSelf(actor, id);
        user(id);
        userTokens.revokeAll(id);
        jdbi.useTransaction(handle -> {
            handle.attach(AdminRepository.class).removeRole(id, Roles.ADMIN);
            audit(handle.attach(AdminRepository.class), actor, "user.revoke_admin", id);
        });
        userInfo.invalidate(id);
    }

    /** The highest tier the account's new keys may have. */
    public void setEntitlement(Actor actor, UUID id, ApiTier tier) {
        user(id);
        apiKeys.setEntitlement(id, tier);
        record(actor, "user.entitlement", "user:" + id, tier.key());
    }

    public ApiTier entitlement(UUID id) {
        return apiKeys.entitlement(id);
    }

    /** Ends one key at every service within a second; the owner's other keys are untouched. */
    public ApiKey revokeKey(Actor actor, UUID keyId) {
        ApiKey key = apiKeys.revokeAny(keyId);
        record(actor, "api_key.revoke", "api_key:" + keyId, key.prefix());
        return key;
    }

    /** Live keys, newest first, of one tier or (null) all. */
    public KeyPage keys(ApiTier tier, int page) {
        String tierKey = tier == null ? null : tier.key();
        return jdbi.withExtension(
                AdminRepository.class,
                repo -> new KeyPage(
                        repo.liveKeys(tierKey, PAGE_SIZE, (page - 1) * PAGE_SIZE), repo.countLiveKeys(tierKey), page));
    }

    public List<AdminRepository.KeyRow> keysOf(UUID userId) {
        return jdbi.withExtension(AdminRepository.class, repo -> repo.keysOf(userId));
    }

    /** An action done elsewhere (content, dead letters, sign-in) that still belongs in the log. */
    public void record(Actor actor, String action, String target, String detail) {
        jdbi.useExtension(
                AdminRepository.class,
                repo -> repo.audit(actor.id(), actor.email(), action, target, detail, actor.requestId()));
        logAction(actor, action, target);
    }

    public List<AdminRepository.AuditRow> auditPage(int page) {
        return jdbi.withExtension(AdminRepository.class, repo -> repo.auditPage(PAGE_SIZE, (page - 1) * PAGE_SIZE));
    }

    public long auditCount() {
        return jdbi.withExtension(AdminRepository.class, AdminRepository::auditCount);
    }

    private static void audit(AdminRepository repo, Actor actor, String action, UUID target) {
        repo.audit(actor.id(), actor.email(), action, "user:" + target, null, actor.requestId());
        logAction(actor, action, "user:" + target);
    }

    private static void logAction(Actor actor, String action, String target) {
        SecurityLog.event("admin.action", actor.id(), Map.of("action", action, "target", target));
    }

    /** An admin cannot lock themself out of the panel from inside it. */
    private static void refuseSelf(Actor actor, UUID id) {
        if (actor.id().equals(id)) throw new Conflict("You cannot do this to your own account");
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
