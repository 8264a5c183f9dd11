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
import eco2.common.security.ApiKeyLookup;
import eco2.common.security.Authenticator;
import eco2.common.security.HttpApiKeyLookup;
import eco2.common.security.PublicKeySource;
import eco2.common.security.Revocations;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/**
 * The process-wide plumbing every module shares: Redis, metrics, JSON, token verification, rate limits, and how to
 * ask auth about an API key.
 */
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
        Lifecycle lifecycle,
        ApiKeyLookup apiKeyLookup)
        implements AutoCloseable {
    /** Where auth answers for services that run apart from it, unless AUTH_URL says otherwise. */
    public static final URI DEFAULT_AUTH_URL = URI.create("http://127.0.0.1:8081");

    public static Infra create(
            String redisUrl, PublicKeySource keys, String issuer, RateLimitSettings rateLimits, Clock clock) {
        return create(
                redisUrl, keys, issuer, rateLimits, clock, DEFAULT_AUTH_URL, AccessTokenVerifier.DEFAULT_MAX_LIFETIME);
    }

    public static Infra create(
            String redisUrl,
            PublicKeySource keys,
            String issuer,
            RateLimitSettings rateLimits,
            Clock clock,
            URI authUrl) {
        return create(redisUrl, keys, issuer, rateLimits, clock, authUrl, AccessTokenVerifier.DEFAULT_MAX_LIFETIME);
    }

    /**
     * {@code authUrl}: auth's base URL, asked about API keys Redis does not know (when auth is not in this app);
     * {@code maxAccessLifetime}: auth's access-token lifetime, the longest {@code exp - iat} accepted.
     */
    public static Infra create(
            String redisUrl,
            PublicKeySource keys,
            String issuer,
            RateLimitSettings rateLimits,
            Clock clock,
            URI authUrl,
            Duration maxAccessLifetime) {
        RedisClient redis = Redis.connect(redisUrl);
        ObjectMapper mapper = Json.newMapper();
        Revocations revocations = new Revocations(redis);
        Authenticator authenticator =
                new Authenticator(new AccessTokenVerifier(keys, issuer, clock, maxAccessLifetime), revocations);
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
                new Lifecycle(),
                new HttpApiKeyLookup(authUrl, mapper));
    }

    public ReadinessCheck redisReadiness() {
        return ReadinessCheck.of("redis", redis::ping);
    }

    @Override
    public void close() {
        redis.close();
    }
}
