package eco2.auth.account;

import eco2.auth.session.RefreshTokenRepository;
import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.common.redis.DocumentCache;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code user.deleted} (from my's soft delete) → the account is deactivated and every refresh token revoked, so
 * /me, login and refresh refuse it. Access tokens already issued are not blacklisted (auth cannot know their ids);
 * they keep working at other services until they expire, at most 30 minutes.
 */
public final class UserDeletedHandler implements EventHandler {
    public static final String TYPE = "user.deleted";

    private final DocumentCache userInfo;

    public UserDeletedHandler(DocumentCache userInfo) {
        this.userInfo = userInfo;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) {
        UUID userId = UUID.fromString(event.data().path("user_id").asText());
        transaction.attach(UserRepository.class).deactivate(userId);
        transaction.attach(RefreshTokenRepository.class).revokeAllOf(userId);
        transaction.afterCommit(() -> userInfo.invalidate(userId));
    }
}
