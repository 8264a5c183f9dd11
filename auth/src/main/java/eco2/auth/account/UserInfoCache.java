package eco2.auth.account;

import eco2.common.redis.Prefetched;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code user:info:{id}}: the exact JSON document GET /me answers, for five minutes, so a hit is served without
 * parsing. Only active accounts are cached. Fail-open: when Redis is down, reads miss and writes are skipped,
 * so the database answers.
 */
public final class UserInfoCache {
  private static final Logger log = LoggerFactory.getLogger(UserInfoCache.class);
  private static final long TTL_SECONDS = 300;

  private final RedisClient redis;

  public UserInfoCache(RedisClient redis) {
    this.redis = redis;
  }

  public static String key(UUID userId) {
    return "user:info:" + userId;
  }

  /** Uses the value the request's gate already fetched when there is one, else asks Redis. */
  public Optional<String> get(UUID userId, Prefetched prefetched) {
    String key = key(userId);
    if (prefetched != null && prefetched.answers(key)) return Optional.ofNullable(prefetched.value());
    try {
      return Optional.ofNullable(redis.get(key));
    } catch (JedisException e) {
      log.warn("user info cache read failed: {}", e.toString());
      return Optional.empty();
    }
  }

  public void put(UUID userId, String json) {
    try {
      redis.setex(key(userId), TTL_SECONDS, json);
    } catch (JedisException e) {
      log.warn("user info cache write failed: {}", e.toString());
    }
  }
}
