package eco2.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.http.HttpApp;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.http.KeyRoute;
import eco2.common.http.ServiceModule;
import eco2.common.security.ApiKeyFormat;
import eco2.common.security.ApiKeyLookup;
import eco2.common.security.ApiKeyRecord;
import eco2.common.security.ApiTier;
import eco2.common.security.Identity;
import eco2.common.security.KeyPrincipal;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestHttp.Response;
import eco2.common.testing.TestServices;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The API-key gate through a real app and Redis, with records written exactly as auth writes them and a lookup that
 * plays auth (counting its calls): routes that are not key ok, malformed keys (no lookup of any kind), tiers (403),
 * headers, the miss path, and Redis down (503, never an open door).
 */
class ApiKeyGateIT {
    private static final String DEAD_REDIS = "redis://127.0.0.1:1";
    private static final AtomicInteger LOOKUPS = new AtomicInteger();
    private static Apps up;
    private static Apps down;
    private static RedisClient redis;

    /** A module with an open key-ok route, a pro-only one, and a route for people only. */
    private record KeyModule(Infra infra) implements ServiceModule {
        @Override
        public String name() {
            return "keytest";
        }

        @Override
        public void routes(Javalin app) {
            app.get("/api/open", ctx -> ctx.json(Map.of("ok", true)));
            app.get("/api/pro/{id}", ctx -> ctx.json(who(infra.authenticator().identify(ctx))));
            app.get("/api/mine", ctx -> ctx.json(who(infra.authenticator().require(ctx))));
        }

        @Override
        public List<KeyRoute> keyRoutes() {
            return List.of(
                    KeyRoute.get("/api/open"), KeyRoute.get("/api/pro/{id}").from(ApiTier.PRO));
        }

        /** Plays auth: knows nothing, but counts being asked. */
        @Override
        public Optional<ApiKeyLookup> apiKeyLookup() {
            return Optional.of((prefix, hash) -> {
                LOOKUPS.incrementAndGet();
                return false;
            });
        }

        private static Map<String, String> who(Identity identity) {
            return Map.of("kind", identity instanceof KeyPrincipal ? "key" : "user", "subject", identity.subject());
        }
    }

    private record Apps(Infra infra, Javalin app, TestHttp http) {
        static Apps start(String redisUrl) {
            RateLimitSettings limits = new RateLimitSettings(true, RateLimitSettings.DEFAULT, name -> null);
            Infra infra = Infra.create(
                    redisUrl, kid -> null, "test", limits, Clock.systemUTC(), URI.create("http://127.0.0.1:1"));
            Javalin app = HttpApp.create("keys", HttpSettings.forTests(), infra, List.of(new KeyModule(infra)))
                    .start(0);
            return new Apps(infra, app, new TestHttp(app.port()));
        }

        void stop() {
            app.stop();
            infra.close();
        }

        double lookups(String source) {
            return infra.metrics()
                    .registry()
                    .get("eco2_api_key_lookups")
                    .tag("source", source)
                    .counter()
                    .count();
        }
    }

    @BeforeAll
    static void start() {
        up = Apps.start(TestServices.get().redisUri());
        down = Apps.start(DEAD_REDIS);
        redis = up.infra().redis();
    }

    @AfterAll
    static void stop() {
        up.stop();
        down.stop();
    }

    @BeforeEach
    void flush() {
        TestServices.get().flushRedis();
        LOOKUPS.set(0);
    }

    /** A key and its record in Redis, as auth writes it on create. */
    private static String issue(ApiTier tier, long expiresAt) {
        String key = ApiKeyFormat.compose(
                UUID.randomUUID().toString().replace("-", "").substring(0, 8),
                UUID.randomUUID().toString().replace("-", ""));
        UUID id = UUID.randomUUID();
        ApiKeyRecord record = new ApiKeyRecord(
                ApiKeyRecord.Status.OK, ApiKeyFormat.sha256(key), tier, id, UUID.randomUUID(), id, expiresAt);
        redis.set(
                ApiKeyRecord.redisKey(ApiKeyFormat.parse(key).prefix()),
                record.encode(),
                SetParams.setParams().ex(600));
        return key;
    }

    private static String issue(ApiTier tier) {
        return issue(tier, 0);
    }

    @Test
    void aValidKeyPassesWithRateAndQuotaHeaders() {
        Response r = up.http().get("/api/open", "X-API-Key", issue(ApiTier.FREE));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("RateLimit-Limit")).isEqualTo("60");
        assertThat(r.header("RateLimit-Remaining")).isEqualTo("59");
        assertThat(r.header("X-Quota-Limit")).isEqualTo("10000");
        assertThat(r.header("X-Quota-Remaining")).isEqualTo("9999");
        assertThat(Long.parseLong(r.header("X-Quota-Reset"))).isBetween(1L, 31L * 24 * 3600);
    }

    @Test
    void handlersSeeWhichKindOfCallerItIs() {
        Response r = up.http().get("/api/pro/1", "X-API-Key", issue(ApiTier.ENTERPRISE));

        assertThat(r.json().path("kind").asText()).isEqualTo("key");
        assertThat(r.json().path("subject").asText()).startsWith("key:");
    }

    @Test
    void aFeatureAboveTheKeysTierIs403AndCostsNoQuota() {
        String key = issue(ApiTier.FREE);

        Response r = up.http().get("/api/pro/1", "X-API-Key", key);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("code").asText()).isEqualTo("forbidden");
        assertThat(redis.keys("apikey:meter:*")).isEmpty();
    }

    @Test
    void aKeyOnAnEndpointThatIsNotKeyOkIs401BeforeAnyLookup() {
        double before = up.lookups("redis");

        Response r = up.http().get("/api/mine", "X-API-Key", issue(ApiTier.ENTERPRISE));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("code").asText()).isEqualTo("unauthorized");
        assertThat(up.lookups("redis")).isEqualTo(before);
    }

    @Test
    void aKeyAndABearerTogetherAre401() {
        Response r = up.http().get("/api/open", "X-API-Key", issue(ApiTier.FREE), "Authorization", "Bearer x");
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void aBadChecksumCostsNoRedisAndNoAuthLookup() {
        String key = issue(ApiTier.FREE);
        String typo = key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a");
        double redisBefore = up.lookups("redis");
        double authBefore = up.lookups("auth");

        for (int i = 0; i < 20; i++) {
            Response r = up.http().get("/api/open", "X-API-Key", typo);
            assertThat(r.status()).isEqualTo(401);
        }

        assertThat(up.lookups("redis")).isEqualTo(redisBefore);
        assertThat(up.lookups("auth")).isEqualTo(authBefore);
        assertThat(LOOKUPS.get()).isZero();
        assertThat(redis.keys("ratelimit:*")).isEmpty(); // not even the client IP's bucket was touched
        assertThat(redis.keys("apikey:meter:*")).isEmpty();
    }

    @Test
    void anUnknownWellFormedKeyAsksAuthOnceAndIs401() {
        String key = ApiKeyFormat.compose("Zz000000", "Q".repeat(32));

        Response r = up.http().get("/api/open", "X-API-Key", key);

        assertThat(r.status()).isEqualTo(401);
        assertThat(LOOKUPS.get()).isEqualTo(1);
        assertThat(redis.keys("ratelimit:default:ip:*")).hasSize(1); // guessing costs the guesser
    }

    @Test
    void aRevokedTombstoneOrAWrongSecretIs401WithoutAskingAuth() {
        String key = issue(ApiTier.PRO);
        String prefix = ApiKeyFormat.parse(key).prefix();
        String other = ApiKeyFormat.compose(prefix.substring(5), "R".repeat(32));
        assertThat(up.http().get("/api/open", "X-API-Key", other).status()).isEqualTo(401);

        redis.set(
                ApiKeyRecord.redisKey(prefix),
                ApiKeyRecord.tombstone(ApiKeyRecord.Status.REVOKED).encode(),
                SetParams.setParams().ex(600));
        assertThat(up.http().get("/api/open", "X-API-Key", key).status()).isEqualTo(401);
        assertThat(LOOKUPS.get()).isZero();
    }

    @Test
    void anExpiredKeyIs401() {
        String key = issue(ApiTier.PRO, Instant.now().minusSeconds(1).getEpochSecond());
        assertThat(up.http().get("/api/open", "X-API-Key", key).status()).isEqualTo(401);
        String later =
                issue(ApiTier.PRO, Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        assertThat(up.http().get("/api/open", "X-API-Key", later).status()).isEqualTo(200);
    }

    @Test
    void theTiersBucketLimitsTheKey() {
        String key = issue(ApiTier.FREE);
        for (int i = 0; i < 60; i++) {
            assertThat(up.http().get("/api/open", "X-API-Key", key).status()).isEqualTo(200);
        }

        Response limited = up.http().get("/api/open", "X-API-Key", key);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.header("X-Quota-Remaining")).isEqualTo("9940");
    }

    @Test
    void withRedisDownKeysFailClosedWith503() {
        Response r = down.http().get("/api/open", "X-API-Key", issue(ApiTier.ENTERPRISE));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().path("code").asText()).isEqualTo("unavailable");
        assertThat(down.http().get("/api/open").status()).isEqualTo(200); // the general limit fails open
    }

    @Test
    void withRedisDownAMalformedKeyIsStill401() {
        assertThat(down.http().get("/api/open", "X-API-Key", "eco2_nope").status())
                .isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentListsTheKeyScheme() {
        var spec = up.http().get("/openapi.json").json();
        assertThat(spec.path("components")
                        .path("securitySchemes")
                        .path("ApiKeyAuth")
                        .path("name")
                        .asText())
                .isEqualTo("X-API-Key");
    }
}
