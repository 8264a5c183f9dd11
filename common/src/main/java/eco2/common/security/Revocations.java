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

  public void revoke(String tokenId, Duration remainingLife) {
    long seconds = Math.max(1, remainingLife.toSeconds() + 1);
    redis.setex(key(tokenId), seconds, "1");
  }
}
