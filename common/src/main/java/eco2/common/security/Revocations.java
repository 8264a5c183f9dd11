package eco2.common.security;

import java.time.Duration;
import redis.clients.jedis.RedisClient;

/** The access-token blacklist in Redis ({@code blacklist:{jti}}), shared by every service. */
public final class Revocations {
    private final RedisClient redis;

    public Revocations(RedisClient redis) {
        this.redis = redis;
    }

    public static String key(String tokenId) {
        return "blacklist:" + tokenId;
    }

    /** Throws a Jedis exception when Redis is down; callers decide how to fail. */
    public boolean isRevoked(String tokenId) {
        return redis.exists(key(tokenId));
    }

    /**
     * Blacklists a token until it can no longer pass verification: its remaining life plus the verifier's leeway.
     * A token already past that point needs nothing.
     */
    public void revoke(String tokenId, Duration remainingLife) {
        Duration acceptedFor = remainingLife.plus(AccessTokenVerifier.LEEWAY);
        if (acceptedFor.isNegative() || acceptedFor.isZero()) return;
        long seconds = (acceptedFor.toMillis() + 999) / 1000 + 1;
        redis.setex(key(tokenId), seconds, "1");
    }
}
