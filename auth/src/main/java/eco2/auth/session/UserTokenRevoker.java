package eco2.auth.session;

import eco2.common.security.Revocations;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Ends every access token a user holds, at every service, at once: a per-user "revoked before now" mark that
 * common's verification reads in the round trip it already makes for the blacklist. Kept for one token life.
 * Throws a Jedis exception when Redis is down, so callers can fail closed.
 */
public final class UserTokenRevoker {
    private final Revocations revocations;
    private final Duration tokenLife;
    private final Clock clock;

    public UserTokenRevoker(Revocations revocations, Duration tokenLife, Clock clock) {
        this.revocations = revocations;
        this.tokenLife = tokenLife;
        this.clock = clock;
    }

    public void revokeAll(UUID userId) {
        revocations.revokeUser(userId, clock.instant(), tokenLife);
    }
}
