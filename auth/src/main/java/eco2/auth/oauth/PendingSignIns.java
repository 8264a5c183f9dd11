package eco2.auth.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Pending sign-ins in Redis under {@code oauth:state:{state}} for ten minutes. Taking one is a single GETDEL, so a
 * state works exactly once even when two callbacks race. Without Redis, sign-in fails closed (503).
 */
public final class PendingSignIns {
    static final String PREFIX = "oauth:state:";
    static final Duration TTL = Duration.ofMinutes(10);

    private final RedisClient redis;
    private final ObjectMapper mapper;

    public PendingSignIns(RedisClient redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    public void put(String state, PendingSignIn pending) {
        redis.set(
                PREFIX + state,
                Json.write(mapper, pending),
                SetParams.setParams().ex(TTL.toSeconds()));
    }

    /** The pending sign-in, removed in the same step; empty when unknown, expired or already taken. */
    public Optional<PendingSignIn> take(String state) {
        String json = redis.getDel(PREFIX + state);
        if (json == null) return Optional.empty();
        try {
            return Optional.of(mapper.readValue(json, PendingSignIn.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // written by an incompatible version: treat as expired
        }
    }
}
