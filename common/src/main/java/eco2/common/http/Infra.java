package eco2.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.json.Json;
import eco2.common.json.JsonBody;
import eco2.common.ops.Metrics;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.ratelimit.TokenBucket;
import eco2.common.redis.Redis;
import eco2.common.security.AccessTokenVerifier;
import eco2.common.security.Authenticator;
import eco2.common.security.PublicKeySource;
import eco2.common.security.Revocations;
import java.time.Clock;
import redis.clients.jedis.RedisClient;

/** The process-wide plumbing every module shares: Redis, metrics, JSON, token verification and rate limits. */
public record Infra(
        RedisClient redis,
        Metrics metrics,
        ObjectMapper mapper,
        JsonBody jsonBody,
        Authenticator authenticator,
        Revocations revocations,
        TokenBucket tokenBucket,
        RateLimitSettings rateLimits,
        Clock clock,
        Lifecycle lifecycle)
        implements AutoCloseable {

    public static Infra create(
            String redisUrl, PublicKeySource keys, String issuer, RateLimitSettings rateLimits, Clock clock) {
        RedisClient redis = Redis.connect(redisUrl);
        ObjectMapper mapper = Json.newMapper();
        Revocations revocations = new Revocations(redis);
        Authenticator authenticator = new Authenticator(new AccessTokenVerifier(keys, issuer, clock), revocations);
        return new Infra(
                redis,
                Metrics.create(),
                mapper,
                new JsonBody(mapper, HttpSettings.ONE_MIB),
                authenticator,
                revocations,
                new TokenBucket(redis),
                rateLimits,
                clock,
                new Lifecycle());
    }

    public ReadinessCheck redisReadiness() {
        return ReadinessCheck.of("redis", redis::ping);
    }

    @Override
    public void close() {
        redis.close();
    }
}
