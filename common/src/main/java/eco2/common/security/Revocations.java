package eco2.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Access-token revocation in Redis, shared by every service: the blacklist of single tokens ({@code blacklist:{jti}})
 * and a per-user mark ({@code revoked-before:{userId}}, epoch milliseconds) that refuses every token of that user
 * issued before it, for deactivation, password resets and the like.
 */
public final class Revocations {
    private final RedisClient redis;

    public Revocations(RedisClient redis) {
        this.redis = redis;
    }

    public static String key(String tokenId) {
        return "blacklist:" + tokenId;
    }

    public static String userKey(UUID userId) {
        return "revoked-before:" + userId;
    }

    /** Whether a token issued at the principal's time falls under a user mark read from Redis (null: no mark). */
    public static boolean issuedBefore(Principal principal, String mark) {
        if (mark == null) return false;
        long before;
        try {
            before = Long.parseLong(mark.trim());
        } catch (NumberFormatException e) {
            return true; // an unreadable mark must not let tokens through
        }
        // A token without an issue time cannot prove it is newer than the mark.
        return principal.issuedAt() == null || principal.issuedAt().toEpochMilli() <= before;
    }

    /**
     * Blacklist and user mark together, one round trip. Throws a Jedis exception when Redis is down; callers decide
     * how to fail.
     */
    public boolean isRevoked(Principal principal) {
        List<String> values = redis.mget(key(principal.tokenId()), userKey(principal.userId()));
        return values.get(0) != null || issuedBefore(principal, values.get(1));
    }

    /**
     * Blacklists a token until it can no longer pass verification: its remaining life plus the verifier's leeway.
     * A token already past that point needs nothing.
     */
    public void revoke(String tokenId, Duration remainingLife) {
        Duration acceptedFor = remainingLife.plus(AccessTokenVerifier.LEEWAY);
        if (acceptedFor.isNegative() || acceptedFor.isZero()) return;
        long seconds = (acceptedFor.toMillis() + 999) / 1000 + 1;
        redis.set(key(tokenId), "1", SetParams.setParams().ex(seconds));
    }

    /**
     * Refuses every access token of the user issued up to {@code at}, everywhere, for as long as such a token could
     * still pass verification ({@code tokenLife} plus the leeway). A later mark replaces an earlier one.
     */
    public void revokeUser(UUID userId, Instant at, Duration tokenLife) {
        long millis = tokenLife.plus(AccessTokenVerifier.LEEWAY).toMillis() + 1000;
        redis.set(
                userKey(userId),
                Long.toString(at.toEpochMilli()),
                SetParams.setParams().px(millis));
    }
}
