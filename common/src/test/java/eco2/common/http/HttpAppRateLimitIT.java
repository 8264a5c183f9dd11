package eco2.common.http;

import static eco2.common.http.HttpAppIT.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestHttp.Response;
import eco2.common.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Rate limits through the real app: 3 requests a minute per IP or per user on /api/, keyed as documented. */
class HttpAppRateLimitIT {
    private static TestApp app;
    private static TestHttp http;
    private static RedisClient redis;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestServices.get().redisUri());
        http = app.http;
        redis = app.infra.redis();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void flush() {
        TestServices.get().flushRedis();
    }

    private static Response ping(String... headers) {
        return http.get("/api/ping", headers);
    }

    @Test
    void apiResponsesCarryRateLimitHeaders() {
        Response first = ping();
        Response second = ping();

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("2");
        assertThat(second.header("RateLimit-Remaining")).isEqualTo("1");
        assertThat(Long.parseLong(first.header("RateLimit-Reset"))).isBetween(1L, 60L);
        assertThat(first.header("Retry-After")).isNull();
    }

    @Test
    void routesOutsideApiAreNotMetered() {
        assertThat(http.get("/get-only").header("RateLimit-Limit")).isNull();
        assertThat(redis.keys("ratelimit:*")).isEmpty();
    }

    @Test
    void theFourthRequestIsA429WithRetryAfter() {
        for (int i = 0; i < 3; i++) assertThat(ping().status()).isEqualTo(200);

        Response limited = ping();

        JsonNode body = envelope(limited, 429, "rate_limited");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void theBucketLivesUnderItsDocumentedKeyWithATtl() {
        ping();

        assertThat(redis.keys("ratelimit:*")).containsExactly("ratelimit:default:ip:127.0.0.1");
        assertThat(redis.ttl("ratelimit:default:ip:127.0.0.1")).isBetween(1L, 61L);
    }

    @Test
    void forwardedClientsGetSeparateBuckets() {
        for (int i = 0; i < 3; i++) ping("X-Forwarded-For", "203.0.113.1");
        assertThat(ping("X-Forwarded-For", "203.0.113.1").status()).isEqualTo(429);

        assertThat(ping("X-Forwarded-For", "203.0.113.2").status()).isEqualTo(200);
        assertThat(ping().status()).isEqualTo(200);
        assertThat(redis.keys("ratelimit:*"))
                .containsExactlyInAnyOrder(
                        "ratelimit:default:ip:203.0.113.1",
                        "ratelimit:default:ip:203.0.113.2",
                        "ratelimit:default:ip:127.0.0.1");
    }

    @Test
    void aSpoofedLeftMostForwardedForDoesNotEscapeTheLimit() {
        for (int i = 0; i < 3; i++) ping("X-Forwarded-For", "9.9.9.9");

        assertThat(ping("X-Forwarded-For", "1.2.3.4, 9.9.9.9").status()).isEqualTo(429);
        assertThat(ping("X-Forwarded-For", "5.6.7.8,9.9.9.9").status()).isEqualTo(429);
        assertThat(redis.keys("ratelimit:*")).containsExactly("ratelimit:default:ip:9.9.9.9");
    }

    @Test
    void garbageForwardedForIsMeteredAsTheProxy() {
        ping("X-Forwarded-For", "unknown");

        assertThat(redis.keys("ratelimit:*")).containsExactly("ratelimit:default:ip:127.0.0.1");
    }

    @Test
    void bearerTokensAreMeteredPerUserWhateverTheirAddress() {
        TestTokens.Issued alice = app.tokens.issue();
        TestTokens.Issued bob = app.tokens.issue();
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/me", "Authorization", alice.bearer(), "X-Forwarded-For", "198.51.100." + i)
                            .status())
                    .isEqualTo(200);
        }

        envelope(
                http.get("/api/me", "Authorization", alice.bearer(), "X-Forwarded-For", "198.51.100.99"),
                429,
                "rate_limited");
        assertThat(http.get("/api/me", "Authorization", bob.bearer()).status()).isEqualTo(200);
        assertThat(ping().status())
                .as("anonymous callers from the same IP have their own bucket")
                .isEqualTo(200);
        assertThat(redis.keys("ratelimit:default:user:*"))
                .containsExactlyInAnyOrder(
                        "ratelimit:default:user:" + alice.userId(), "ratelimit:default:user:" + bob.userId());
    }

    @Test
    void anInvalidTokenIsMeteredByAddress() {
        http.get("/api/ping", "Authorization", "Bearer forged");

        assertThat(redis.keys("ratelimit:*")).containsExactly("ratelimit:default:ip:127.0.0.1");
    }

    @Test
    void theLongestPrefixRuleWins() {
        assertThat(http.get("/api/strict/ping").status()).isEqualTo(200);
        assertThat(http.get("/api/strict/ping").header("RateLimit-Limit")).isEqualTo("1");

        envelope(http.get("/api/strict/ping"), 429, "rate_limited");
        assertThat(ping().status()).isEqualTo(200);
        assertThat(redis.keys("ratelimit:*"))
                .containsExactlyInAnyOrder("ratelimit:strict:ip:127.0.0.1", "ratelimit:default:ip:127.0.0.1");
    }

    @Test
    void overridesTuneTheDefaultAndModulePolicies() {
        RateLimitSettings tuned =
                new RateLimitSettings(true, TestApp.THREE_PER_MINUTE.defaultPolicy(), name -> switch (name) {
                    case "RATE_LIMIT_DEFAULT" -> "5/60";
                    case "RATE_LIMIT_STRICT" -> "2/60";
                    default -> null;
                });
        try (TestApp other = TestApp.start(TestServices.get().redisUri(), tuned)) {
            assertThat(other.http.get("/api/ping").header("RateLimit-Limit")).isEqualTo("5");
            assertThat(other.http.get("/api/strict/ping").header("RateLimit-Limit"))
                    .isEqualTo("2");
            assertThat(other.http.get("/api/strict/ping").status()).isEqualTo(200);
            assertThat(other.http.get("/api/strict/ping").status()).isEqualTo(429);
        }
    }

    @Test
    void disabledLimitsMeterNothing() {
        RateLimitSettings off = new RateLimitSettings(false, TestApp.THREE_PER_MINUTE.defaultPolicy(), name -> null);
        try (TestApp other = TestApp.start(TestServices.get().redisUri(), off)) {
            for (int i = 0; i < 5; i++) {
                Response r = other.http.get("/api/ping");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("RateLimit-Limit")).isNull();
            }
        }
        assertThat(redis.keys("ratelimit:*")).isEmpty();
    }

    @Test
    void preflightRequestsAreNotMetered() {
        for (int i = 0; i < 5; i++) {
            http.method(
                    "OPTIONS", "/api/ping", "Origin", "http://localhost:3000", "Access-Control-Request-Method", "GET");
        }

        assertThat(redis.keys("ratelimit:*")).isEmpty();
    }
}
