package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.security.Revocations;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

/** Login, the password form, refresh rotation and reuse, logout. */
class SessionIT {
    @RegisterExtension
    static final RunningApp<AuthTestApp> auth = RunningApp.of(AuthTestApp::start);

    @Test
    void loginByEmailOrUsernameReturnsABearerPair() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        for (String login :
                List.of(user.email(), user.username(), user.username().toUpperCase(), " " + user.email())) {
            TestHttp.Response r = TestUsers.login(auth.get().http, login, TestUsers.PASSWORD);
            assertThat(r.status()).as(login).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.get("token_type").asText()).isEqualTo("bearer");
            assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
            assertThat(body.get("access_token").asText().split("\\.")).hasSize(3);
            assertThat(body.get("refresh_token").asText()).hasSizeGreaterThanOrEqualTo(43);
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSame401() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        TestHttp.Response wrong = TestUsers.login(auth.get().http, user.email(), "wrong password!");
        TestHttp.Response unknown =
                TestUsers.login(auth.get().http, "nobody_" + user.username() + "@example.com", "wrong password!");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("message")).isEqualTo(unknown.json().get("message"));
        assertThat(wrong.json().get("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void refreshTokensAreStoredOnlyAsSha256() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        byte[] stored = auth.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT token_hash FROM auth.refresh_tokens WHERE user_id = CAST(:id AS uuid) ORDER BY "
                                        + "created_at DESC LIMIT 1")
                        .bind("id", user.id())
                        .mapTo(byte[].class)
                        .one());
        assertThat(stored).hasSize(32);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(user.refreshToken());
    }

    @Test
    void theTokenFormWorksLikeLogin() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        byte[] form = ("username=" + user.username() + "&password=" + TestUsers.PASSWORD.replace(" ", "+"))
                .getBytes(StandardCharsets.UTF_8);
        TestHttp.Response ok = auth.get().http.post("/api/v1/auth/token", "application/x-www-form-urlencoded", form);
        TestHttp.Response json = auth.get().http.postJson("/api/v1/auth/token", "{}");
        TestHttp.Response missing = auth.get()
                .http
                .post("/api/v1/auth/token", "application/x-www-form-urlencoded", "username=x".getBytes());

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(json.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactly("password");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"email\":\"\",\"password\":\"\"}",
                "{\"email\":\"a\",\"password\":5}",
                "{\"email\":\"a\",\"password\":\"b\",\"remember\":true}"
            })
    void badLoginBodiesAre422(String body) {
        TestHttp.Response r = auth.get().http.postJson("/api/v1/auth/login", body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").size()).isPositive();
    }

    @Test
    void refreshRotatesAndTheOldTokenIsDead() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        TestHttp.Response rotated = refresh(user.refreshToken());
        assertThat(rotated.status()).isEqualTo(200);
        String next = rotated.json().get("refresh_token").asText();
        assertThat(next).isNotEqualTo(user.refreshToken());
        assertThat(auth.get()
                        .http
                        .get(
                                "/api/v1/auth/me",
                                "Authorization",
                                TestHttp.bearer(
                                        rotated.json().get("access_token").asText()))
                        .status())
                .isEqualTo(200);

        TestHttp.Response again = refresh(next);
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        String second = refresh(user.refreshToken()).json().get("refresh_token").asText();

        TestHttp.Response reuse = refresh(user.refreshToken());
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("code").asText()).isEqualTo("unauthorized");
        // The thief's replay also killed the legitimate holder's current token.
        assertThat(refresh(second).status()).isEqualTo(401);
        assertThat(auth.get().http.get("/api/v1/auth/me", user.auth()).status())
                .as("access tokens issued before the reuse are ended too")
                .isEqualTo(401);
        int live = auth.get()
                .db
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM auth.refresh_tokens WHERE user_id = CAST(:id AS uuid) AND "
                                        + "revoked_at IS NULL")
                        .bind("id", user.id())
                        .mapTo(Integer.class)
                        .one());
        assertThat(live).isZero();
    }

    @Test
    void twoParallelRefreshesOfOneTokenCannotBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            TestUsers.Session user = TestUsers.register(auth.get().http);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return refresh(user.refreshToken()).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) statuses.add(f.get());
            pool.shutdown();
            assertThat(statuses).as("round %d", round).containsOnlyOnce(200).contains(401);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"refresh_token\":\"\"}",
                "{\"refresh_token\":42}",
                "{\"refresh_token\":\"x\",\"user_id\":\"y\"}"
            })
    void badRefreshBodiesAre422(String body) {
        assertThat(auth.get().http.postJson("/api/v1/auth/refresh", body).status())
                .isEqualTo(422);
    }

    @Test
    void unknownRefreshTokenIs401() {
        assertThat(refresh("not-a-real-token").status()).isEqualTo(401);
    }

    @Test
    void logoutBlacklistsTheAccessTokenAndRevokesTheRefreshToken() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        TestHttp.Response out = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/logout",
                        TestHttp.json(Map.of("refresh_token", user.refreshToken())),
                        user.auth());

        assertThat(out.status()).isEqualTo(204);
        TestHttp.Response me = auth.get().http.get("/api/v1/auth/me", user.auth());
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.json().get("message").asText()).isEqualTo("Token has been revoked");
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);

        String jti = jti(user.accessToken());
        try (RedisClient redis =
                eco2.common.redis.Redis.connect(TestServices.get().redisUri())) {
            assertThat(redis.exists(Revocations.key(jti))).isTrue();
            assertThat(redis.ttl(Revocations.key(jti))).isBetween(1800L, 1807L); // 30 min + 5 s leeway
        }
    }

    @Test
    void logoutWithoutABodyEndsTheSessionOfThatToken() {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        String otherDevice = TestUsers.login(auth.get().http, user.username(), TestUsers.PASSWORD)
                .json()
                .get("refresh_token")
                .asText();

        assertThat(auth.get()
                        .http
                        .method("POST", "/api/v1/auth/logout", user.auth())
                        .status())
                .isEqualTo(204);
        assertThat(auth.get().http.get("/api/v1/auth/me", user.auth()).status()).isEqualTo(401);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
        // Another sign-in of the same user is another session, and lives on.
        assertThat(refresh(otherDevice).status()).isEqualTo(200);
    }

    @Test
    void aTokenLoggedOutJustBeforeExpiryStaysRefusedThroughTheLeeway() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.get().http);
        String shortLived = TokenSecurityIT.sign(
                auth.get(), user, b -> b.withExpiresAt(java.time.Instant.now().plusSeconds(2)));
        assertThat(auth.get()
                        .http
                        .method("POST", "/api/v1/auth/logout", "Authorization", TestHttp.bearer(shortLived))
                        .status())
                .isEqualTo(204);
        try (RedisClient redis =
                eco2.common.redis.Redis.connect(TestServices.get().redisUri())) {
            // Accepted by the verifier until exp + 5 s leeway, so blacklisted at least that long.
            assertThat(redis.ttl(Revocations.key(jti(shortLived)))).isGreaterThanOrEqualTo(7L);
        }
        assertThat(auth.get()
                        .http
                        .get("/api/v1/auth/me", "Authorization", TestHttp.bearer(shortLived))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void logoutCannotRevokeAnotherUsersRefreshToken() {
        TestUsers.Session alice = TestUsers.register(auth.get().http);
        TestUsers.Session mallory = TestUsers.register(auth.get().http);
        TestHttp.Response out = auth.get()
                .http
                .postJson(
                        "/api/v1/auth/logout",
                        TestHttp.json(Map.of("refresh_token", alice.refreshToken())),
                        mallory.auth());

        assertThat(out.status()).isEqualTo(204);
        assertThat(refresh(alice.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutNeedsAValidToken() {
        assertThat(auth.get().http.method("POST", "/api/v1/auth/logout").status())
                .isEqualTo(401);
        assertThat(auth.get()
                        .http
                        .method("POST", "/api/v1/auth/logout", "Authorization", "Bearer garbage")
                        .status())
                .isEqualTo(401);
    }

    static TestHttp.Response refresh(String token) {
        return auth.get().http.postJson("/api/v1/auth/refresh", TestHttp.json(Map.of("refresh_token", token)));
    }

    static String jti(String accessToken) {
        return com.auth0.jwt.JWT.decode(accessToken).getId();
    }
}
