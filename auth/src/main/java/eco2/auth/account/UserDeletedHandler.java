package eco2.auth.account;

import eco2.auth.session.RefreshTokenRepository;
import eco2.auth.session.UserTokenRevoker;
import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.common.redis.DocumentCache;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code user.deleted} (from my's soft delete) → the account is deactivated, every refresh token revoked and every
 * access token ended (the per-user revocation mark), so /me, login, refresh and every other service refuse it.
 * Without Redis the mark cannot be written: the handler fails and the event is retried.
 */
public final class UserDeletedHandler implements EventHandler {
    public static final String TYPE = "user.deleted";

    private final DocumentCache userInfo;
    private final UserTokenRevoker userTokens;

    public UserDeletedHandler(DocumentCache userInfo, UserTokenRevoker userTokens) {
        this.userInfo = userInfo;
        this.userTokens = userTokens;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        UUID userId = UUID.fromString(event.data().path("user_id").asText());
        transaction.attach(UserRepository.class).deactivate(userId);
        transaction.attach(RefreshTokenRepository.class).revokeAllOf(userId);
        userTokens.revokeAll(userId);
        transaction.afterCommit(() -> userInfo.invalidate(userId));
    }
}
