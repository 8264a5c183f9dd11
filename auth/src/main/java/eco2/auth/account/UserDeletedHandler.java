package eco2.auth.account;

import eco2.auth.apikeys.ApiKeyRecords;
import eco2.auth.apikeys.ApiKeyRepository;
import eco2.auth.session.RefreshTokenRepository;
import eco2.auth.session.UserTokenRevoker;
import eco2.common.events.EventEnvelope;
import eco2.common.events.EventFields;
import eco2.common.events.EventHandler;
import eco2.common.redis.DocumentCache;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code user.deleted} (from my's soft delete) → the account is deactivated and anonymised ({@link AccountErasure}),
 * every refresh token and API key revoked and every access token ended (the per-user revocation mark), so /me,
 * login, refresh, the keys and every other service refuse it. Without Redis the mark cannot be written: the handler
 * fails and the event is retried. A user_id that is not a canonical UUID is an invalid event, parked untouched.
 */
public final class UserDeletedHandler implements EventHandler {
    public static final String TYPE = "user.deleted";
    private static final Logger log = LoggerFactory.getLogger(UserDeletedHandler.class);

    private final DocumentCache userInfo;
    private final ApiKeyRecords keyRecords;
    private final UserTokenRevoker userTokens;

    public UserDeletedHandler(DocumentCache userInfo, ApiKeyRecords keyRecords, UserTokenRevoker userTokens) {
        this.userInfo = userInfo;
        this.keyRecords = keyRecords;
        this.userTokens = userTokens;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        UUID userId = EventFields.of(event).uuid("user_id");
        AccountErasure erasure = transaction.attach(AccountErasure.class);
        erasure.anonymiseUser(userId);
        erasure.deleteSocialAccounts(userId);
        erasure.deleteOneTimeTokens(userId);
        erasure.deleteEmailCaseClash(userId);
        transaction.attach(RefreshTokenRepository.class).revokeAllOf(userId);
        userTokens.revokeAll(userId);
        List<String> keys = transaction.attach(ApiKeyRepository.class).revokeAllOf(userId);
        erasure.anonymiseApiKeys(userId);
        transaction.afterCommit(() -> {
            userInfo.invalidate(userId);
            for (String prefix : keys) {
                try {
                    keyRecords.revoked(prefix);
                } catch (JedisException e) {
                    log.warn("revoked key {} not yet in Redis (its record lapses within 10 minutes): {}", prefix, e);
                }
            }
        });
    }
}
