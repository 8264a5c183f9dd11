package eco2.auth.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code user:info:{id}} for five minutes. Fail-open: when Redis is down, reads miss and writes are skipped,
 * so the database answers; an invalidation that cannot reach Redis is logged (the TTL bounds staleness).
 */
public final class UserInfoCache {
  private static final Logger log = LoggerFactory.getLogger(UserInfoCache.class);
  private static final long TTL_SECONDS = 300;

  private final RedisClient redis;
  private final ObjectMapper mapper;

  public UserInfoCache(RedisClient redis, ObjectMapper mapper) {
    this.redis = redis;
    this.mapper = mapper;
  }

  public static String key(UUID userId) {
    return "user:info:" + userId;
  }

  public Optional<UserView> get(UUID userId) {
    try {
      String json = redis.get(key(userId));
      return json == null ? Optional.empty() : Optional.of(mapper.readValue(json, UserView.class));
    } catch (JedisException | java.io.IOException e) {
      log.warn("user info cache read failed: {}", e.toString());
      return Optional.empty();
    }
  }

  public void put(UserView view) {
    try {
      redis.setex(key(view.id()), TTL_SECONDS, mapper.writeValueAsString(view));
    } catch (JedisException | java.io.IOException e) {
      log.warn("user info cache write failed: {}", e.toString());
    }
  }

  public void invalidate(UUID userId) {
    try {
      redis.del(key(userId));
    } catch (JedisException e) {
      log.warn("user info cache invalidation failed for {}: {}", userId, e.toString());
    }
  }
}
