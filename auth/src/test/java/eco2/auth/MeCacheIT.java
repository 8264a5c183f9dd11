package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.redis.Redis;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * GET /me with rate limits on: the cache entry arrives with the rate-limit round trip (prefetch), a miss is
 * filled from PostgreSQL, and the cached document is what clients see.
 */
class MeCacheIT {
    static AuthTestApp auth;
    static RedisClient redis;

    @BeforeAll
    static void start() throws Exception {
        auth = AuthTestApp.start(
                AuthTestApp.limits(name -> name.equals("RATE_LIMIT_DEFAULT") ? "1000/60" : null),
                TestServices.get().redisUri());
        redis = Redis.connect(TestServices.get().redisUri());
    }

    @AfterAll
    static void stop() {
        redis.close();
        auth.close();
    }

    @Test
    void aMissIsFilledFromTheTableAndAHitIsServedAsCached() {
        TestUsers.Session user = TestUsers.register(auth.http);
        String key = AuthModule.USER_INFO + user.id();
        assertThat(redis.exists(key)).isFalse();

        TestHttp.Response miss = auth.http.get("/api/v1/auth/me", user.auth());
        assertThat(miss.status()).isEqualTo(200);
        assertThat(miss.header("Content-Type")).startsWith("application/json");
        assertThat(miss.header("RateLimit-Limit")).isEqualTo("1000");
        assertThat(redis.get(key)).isEqualTo(miss.body());
        assertThat(redis.ttl(key)).isBetween(290L, 300L);

        redis.set(
                key,
                miss.body().replace(user.username(), "served_from_cache"),
                SetParams.setParams().ex(300));
        TestHttp.Response hit = auth.http.get("/api/v1/auth/me", user.auth());
        assertThat(hit.json().get("username").asText()).isEqualTo("served_from_cache");
        assertThat(hit.json().get("id").asText()).isEqualTo(user.id());
    }

    @Test
    void aDeactivatedAccountIsRefusedAndNotCached() {
        TestUsers.Session user = TestUsers.register(auth.http);
        auth.db.useHandle(
                h -> h.execute("UPDATE auth.users SET is_active = false WHERE id = CAST(? AS uuid)", user.id()));

        TestHttp.Response r = auth.http.get("/api/v1/auth/me", user.auth());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("message").asText()).isEqualTo("Account is deactivated");
        assertThat(redis.exists(AuthModule.USER_INFO + user.id())).isFalse();
        assertThat(TestUsers.login(auth.http, user.username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenOfADeletedAccountIs401() {
        TestUsers.Session user = TestUsers.register(auth.http);
        auth.db.useHandle(h -> h.execute("DELETE FROM auth.users WHERE id = CAST(? AS uuid)", user.id()));

        TestHttp.Response r = auth.http.get("/api/v1/auth/me", user.auth());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void aRevokedTokenIsRefusedEvenWithAWarmCache() {
        TestUsers.Session user = TestUsers.register(auth.http);
        assertThat(auth.http.get("/api/v1/auth/me", user.auth()).status()).isEqualTo(200);
        assertThat(auth.http.method("POST", "/api/v1/auth/logout", user.auth()).status())
                .isEqualTo(204);
        assertThat(auth.http.get("/api/v1/auth/me", user.auth()).status()).isEqualTo(401);
    }
}
