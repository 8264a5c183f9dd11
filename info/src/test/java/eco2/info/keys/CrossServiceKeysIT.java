package eco2.info.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.apikeys.KeyUseRecorder;
import eco2.common.ratelimit.QuotaMonth;
import eco2.common.ratelimit.TokenBucket;
import eco2.common.security.ApiKeyRecord;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * API keys issued by auth and used at info, a separate app that shares only Redis and PostgreSQL with it:
 * revocation and rotation reach info within a second, a key Redis does not know is asked of auth over HTTP once,
 * the monthly quota is exact under 64 parallel requests at its boundary, keys are refused on user-only endpoints,
 * and the last use reaches the database off the request path.
 */
class CrossServiceKeysIT {
    private static final String CATEGORIES = "/api/v1/recycle/categories";

    @RegisterExtension
    static final RunningApp<KeyedApps> apps = RunningApp.of(KeyedApps::new);

    static RedisClient redis;

    @BeforeAll
    static void start() throws Exception {
        redis = apps.get().authInfra.redis();
    }

    private static TestHttp.Response categories(String key) {
        return apps.get().info.get(CATEGORIES, "X-API-Key", key);
    }

    @Test
    void aKeyFromAuthWorksAtInfoWithItsHeadersAndCountsInUsage() {
        String[] user = apps.get().signIn();
        JsonNode key = apps.get().createKey(user);

        TestHttp.Response r = categories(key.get("key").asText());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("RateLimit-Limit")).isEqualTo("60");
        assertThat(r.header("X-Quota-Limit")).isEqualTo("10000");
        assertThat(r.header("X-Quota-Remaining")).isEqualTo("9999");
        JsonNode usage = apps.get()
                .auth
                .get("/api/v1/auth/api-keys/" + key.get("id").asText() + "/usage", user)
                .json();
        assertThat(usage.get("requests").asLong()).isEqualTo(1);
        assertThat(usage.get("quota").asLong()).isEqualTo(10_000);
        assertThat(usage.get("rate_per_minute").asInt()).isEqualTo(60);
        assertThat(usage.get("month").asText())
                .isEqualTo(QuotaMonth.at(Instant.now()).label());
    }

    @Test
    void revocationIsRefusedByInfoWithinOneSecond() {
        String[] user = apps.get().signIn();
        JsonNode key = apps.get().createKey(user);
        String secret = key.get("key").asText();
        assertThat(categories(secret).status()).isEqualTo(200);

        TestHttp.Response revoked = apps.get()
                .auth
                .method("DELETE", "/api/v1/auth/api-keys/" + key.get("id").asText(), user);
        assertThat(revoked.status()).isEqualTo(204);
        long since = System.nanoTime();
        int status = categories(secret).status();
        while (status != 401 && System.nanoTime() - since < 2_000_000_000L)
            status = categories(secret).status();
        long millis = (System.nanoTime() - since) / 1_000_000;

        assertThat(status).isEqualTo(401);
        assertThat(millis).isLessThan(1000);
        assertThat(apps.get()
                        .auth
                        .method(
                                "DELETE",
                                "/api/v1/auth/api-keys/" + key.get("id").asText(),
                                user)
                        .status())
                .as("revoking again is harmless")
                .isEqualTo(204);
    }

    @Test
    void aKeyRedisDoesNotKnowIsAskedOfAuthOverHttpOnce() {
        String[] user = apps.get().signIn();
        JsonNode key = apps.get().createKey(user);
        redis.del(ApiKeyRecord.redisKey(key.get("prefix").asText())); // evicted, or Redis lost it
        double before = apps.get().lookups(apps.get().infoInfra, "auth");

        assertThat(categories(key.get("key").asText()).status()).isEqualTo(200);
        assertThat(categories(key.get("key").asText()).status()).isEqualTo(200);

        assertThat(apps.get().lookups(apps.get().infoInfra, "auth") - before).isEqualTo(1);
        assertThat(redis.get(ApiKeyRecord.redisKey(key.get("prefix").asText()))).startsWith("ok|");
    }

    @Test
    void aRevokedKeyThatRedisForgotIsStillRefused() {
        String[] user = apps.get().signIn();
        JsonNode key = apps.get().createKey(user);
        apps.get()
                .auth
                .method("DELETE", "/api/v1/auth/api-keys/" + key.get("id").asText(), user);
        redis.del(ApiKeyRecord.redisKey(key.get("prefix").asText()));

        assertThat(categories(key.get("key").asText()).status()).isEqualTo(401);
        assertThat(redis.get(ApiKeyRecord.redisKey(key.get("prefix").asText()))).startsWith("revoked|");
    }

    @Test
    void rotationKeepsTheOldKeyForItsGraceAndSharesTheQuota() {
        String[] user = apps.get().signIn();
        JsonNode first = apps.get().createKey(user);
        assertThat(categories(first.get("key").asText()).status()).isEqualTo(200);

        TestHttp.Response rotated = apps.get()
                .auth
                .postJson(
                        "/api/v1/auth/api-keys/" + first.get("id").asText() + "/rotate",
                        TestHttp.json(Map.of("grace_hours", 1)),
                        user);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        JsonNode second = rotated.json();
        assertThat(second.get("key").asText()).isNotEqualTo(first.get("key").asText());
        assertThat(second.get("name").asText()).isEqualTo("kiosk");

        assertThat(categories(first.get("key").asText()).status())
                .as("inside the grace")
                .isEqualTo(200);
        assertThat(categories(second.get("key").asText()).status()).isEqualTo(200);
        JsonNode usage = apps.get()
                .auth
                .get("/api/v1/auth/api-keys/" + second.get("id").asText() + "/usage", user)
                .json();
        assertThat(usage.get("requests").asLong()).as("one family, one quota").isEqualTo(3);
        JsonNode old = listed(user, first.get("id").asText());
        assertThat(OffsetDateTime.parse(old.get("expires_at").asText()).toInstant())
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        assertThat(apps.get()
                        .auth
                        .postJson("/api/v1/auth/api-keys/" + first.get("id").asText() + "/rotate", "{}", user)
                        .status())
                .as("a key is rotated once")
                .isEqualTo(409);

        TestHttp.Response now = apps.get()
                .auth
                .postJson(
                        "/api/v1/auth/api-keys/" + second.get("id").asText() + "/rotate",
                        TestHttp.json(Map.of("grace_hours", 0)),
                        user);
        assertThat(now.status()).isEqualTo(201);
        assertThat(categories(second.get("key").asText()).status())
                .as("no grace")
                .isEqualTo(401);
        assertThat(categories(now.json().get("key").asText()).status()).isEqualTo(200);
    }

    @Test
    void theQuotaIsExactUnder64ParallelRequestsAtItsBoundary() throws Exception {
        String[] user = apps.get().signIn();
        JsonNode key = apps.get().createKey(user);
        UUID family = UUID.fromString(key.get("id").asText()); // a new key is its own family
        String meter = TokenBucket.meterKey(family);
        redis.hset(meter, Map.of("month", QuotaMonth.at(Instant.now()).tag(), "used", "9990")); // ten left

        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                Callable<TestHttp.Response> call = () -> {
                    go.await();
                    return categories(key.get("key").asText());
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            int ok = 0;
            int over = 0;
            for (Future<TestHttp.Response> answer : answers) {
                TestHttp.Response r = answer.get();
                if (r.status() == 200) ok++;
                if (r.status() == 429) {
                    over++;
                    assertThat(r.json().get("code").asText()).isEqualTo("quota_exceeded");
                    assertThat(Long.parseLong(r.header("Retry-After")))
                            .isEqualTo(Long.parseLong(r.header("X-Quota-Reset")));
                    assertThat(r.header("X-Quota-Remaining")).isEqualTo("0");
                }
            }
            assertThat(ok).isEqualTo(10);
            assertThat(over).isEqualTo(54);
        } finally {
            pool.shutdownNow();
        }
        assertThat(redis.hget(meter, "used")).isEqualTo("10000");
        assertThat(apps.get()
                        .auth
                        .get("/api/v1/auth/api-keys/" + key.get("id").asText() + "/usage", user)
                        .json()
                        .get("requests")
                        .asLong())
                .isEqualTo(10_000);
    }

    @Test
    void aKeyOnAUserOnlyEndpointIs401() {
        String[] user = apps.get().signIn();
        String key = apps.get().createKey(user).get("key").asText();
        String faq = apps.get()
                .info
                .get("/api/v1/recycle/faq?size=1")
                .json()
                .path("items")
                .get(0)
                .get("id")
                .asText();

        List<TestHttp.Response> refused = List.of(
                apps.get().info.postJson("/api/v1/recycle/faq/" + faq + "/helpful", "{}", "X-API-Key", key),
                apps.get().info.postJson("/api/v1/recycle/items", "{}", "X-API-Key", key),
                apps.get().auth.get("/api/v1/auth/me", "X-API-Key", key),
                apps.get().auth.get("/api/v1/auth/api-keys", "X-API-Key", key));

        for (TestHttp.Response r : refused) {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.json().get("code").asText()).isEqualTo("unauthorized");
        }
        assertThat(categories(key).status()).isEqualTo(200);
    }

    @Test
    void lastUseReachesTheDatabaseOffThePathAtMostOnceAMinute() {
        String[] user = apps.get().signIn();
        JsonNode key = apps.get().createKey(user);
        String id = key.get("id").asText();
        assertThat(categories(key.get("key").asText()).status()).isEqualTo(200);
        assertThat(listed(user, id).get("last_used_at").isNull())
                .as("not written on the request path")
                .isTrue();

        KeyUseRecorder recorder = new KeyUseRecorder(apps.get().authDb, redis);
        recorder.drain();
        String first = listed(user, id).get("last_used_at").asText();
        assertThat(first).isNotEqualTo("null");

        assertThat(categories(key.get("key").asText()).status()).isEqualTo(200);
        recorder.drain();
        assertThat(listed(user, id).get("last_used_at").asText()).isEqualTo(first);
    }

    private static JsonNode listed(String[] user, String id) {
        for (JsonNode k :
                apps.get().auth.get("/api/v1/auth/api-keys", user).json().get("items")) {
            if (k.get("id").asText().equals(id)) return k;
        }
        throw new AssertionError("key " + id + " not listed");
    }
}
