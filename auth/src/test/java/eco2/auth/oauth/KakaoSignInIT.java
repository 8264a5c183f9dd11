package eco2.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.common.testing.Await;
import eco2.common.testing.EventTap;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Kakao sign-in end to end against a local Kakao: PKCE, single-use state, linking rules and provider failures. */
class KakaoSignInIT {
    static final AtomicLong KAKAO_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    static OAuthFakes fakes;
    static AuthTestApp auth;
    static EventTap registrations;

    @BeforeAll
    static void start() throws Exception {
        fakes = OAuthFakes.start();
        auth = AuthTestApp.start(fakes.settings());
        registrations = EventTap.bind(auth.config.amqp().exchange(), "user.registered");
    }

    @AfterAll
    static void stop() throws Exception {
        registrations.close();
        auth.close();
        fakes.close();
    }

    @AfterEach
    void providerRecovers() {
        fakes.kakao.recover();
    }

    @Test
    void startReturnsAnAuthorizationUrlWithPkceAndStoresTheStateForTenMinutes() {
        TestHttp.Response started = auth.http.get("/api/v1/auth/oauth/kakao?redirect_uri=" + OAuthFakes.REDIRECT);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String state = started.json().get("state").asText();
        Map<String, String> query = FakeKakao.query(
                URI.create(started.json().get("authorization_url").asText()));
        assertThat(started.json().get("authorization_url").asText())
                .startsWith(fakes.kakao.baseUrl() + "/oauth/authorize?");
        assertThat(query)
                .containsEntry("client_id", FakeKakao.CLIENT_ID)
                .containsEntry("redirect_uri", OAuthFakes.REDIRECT)
                .containsEntry("state", state)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("response_type", "code");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(state).matches("[A-Za-z0-9_-]{43}"); // 256 bits
        try (Jedis redis = new Jedis(URI.create(TestServices.get().redisUri()))) {
            long ttl = redis.ttl("oauth:state:" + state);
            assertThat(ttl).isBetween(590L, 600L);
            assertThat(redis.get("oauth:state:" + state))
                    .contains("\"provider\":\"kakao\"")
                    .contains(OAuthFakes.REDIRECT)
                    .doesNotContain(query.get("code_challenge")); // the verifier is stored, the challenge is derived
        }
    }

    @Test
    void aNewKakaoUserGetsAnAccountTokensAndAUserRegisteredEvent() throws Exception {
        long kakaoId = KAKAO_IDS.incrementAndGet();
        String email = "kakao" + kakaoId + "@kakao.example";
        fakes.kakao.signInAs(kakaoId, email, true, "민지");

        TestHttp.Response signedIn = OAuthFakes.signIn(auth, "kakao");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().get("token_type").asText()).isEqualTo("bearer");
        JsonNode me = OAuthFakes.me(auth, signedIn);
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("is_verified").asBoolean()).isTrue();
        assertThat(me.get("username").asText()).isEqualTo("kakao" + kakaoId);
        String userId = me.get("id").asText();
        boolean noPassword = auth.db.withHandle(
                h -> h.createQuery("SELECT password_hash IS NULL FROM auth.users WHERE id = CAST(:id AS uuid)")
                        .bind("id", userId)
                        .mapTo(Boolean.class)
                        .one());
        assertThat(noPassword).isTrue();
        assertThat(linkedUser("kakao", kakaoId)).isEqualTo(userId);
        JsonNode event =
                registrations.next(e -> e.path("data").path("user_id").asText().equals(userId));
        assertThat(event.get("data").get("email").asText()).isEqualTo(email);

        // A refresh works like any other session.
        TestHttp.Response refreshed = auth.http.postJson(
                "/api/v1/auth/refresh",
                TestHttp.json(Map.of(
                        "refresh_token", signedIn.json().get("refresh_token").asText())));
        assertThat(refreshed.status()).isEqualTo(200);
    }

    @Test
    void aSecondSignInReusesTheLinkAndCreatesNothing() throws Exception {
        long kakaoId = KAKAO_IDS.incrementAndGet();
        fakes.kakao.signInAs(kakaoId, "again" + kakaoId + "@kakao.example", true, "again");
        String first =
                OAuthFakes.me(auth, OAuthFakes.signIn(auth, "kakao")).get("id").asText();
        long users = count("auth.users");
        long outbox = count("auth.outbox");

        fakes.kakao.signInAs(kakaoId, "again" + kakaoId + "@kakao.example", true, "again");
        String second =
                OAuthFakes.me(auth, OAuthFakes.signIn(auth, "kakao")).get("id").asText();
        assertThat(second).isEqualTo(first);
        assertThat(count("auth.users")).isEqualTo(users);
        assertThat(count("auth.outbox")).isEqualTo(outbox);
        assertThat(count("auth.social_accounts WHERE provider_user_id = '" + kakaoId + "'"))
                .isEqualTo(1);
    }

    @Test
    void aKakaoUserWithoutEmailGetsAnEmailLessAccountWithADerivedUsername() throws Exception {
        long kakaoId = KAKAO_IDS.incrementAndGet();
        fakes.kakao.signInAs(kakaoId, null, false, "Eco Friend!");
        TestHttp.Response signedIn = OAuthFakes.signIn(auth, "kakao");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        JsonNode me = OAuthFakes.me(auth, signedIn);
        assertThat(me.get("email").isNull()).isTrue();
        assertThat(me.get("is_verified").asBoolean()).isFalse();
        assertThat(me.get("username").asText()).matches("eco_friend(_\\d{4})?");
    }

    @Test
    void aVerifiedProviderEmailLinksToAVerifiedLocalAccount() throws Exception {
        TestUsers.Session local = TestUsers.register(auth.http);
        markVerified(local.id());
        long kakaoId = KAKAO_IDS.incrementAndGet();
        fakes.kakao.signInAs(kakaoId, local.email(), true, "local");
        TestHttp.Response signedIn = OAuthFakes.signIn(auth, "kakao");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(OAuthFakes.me(auth, signedIn).get("id").asText()).isEqualTo(local.id());
        assertThat(linkedUser("kakao", kakaoId)).isEqualTo(local.id());
    }

    @Test
    void anUnverifiedProviderEmailNeverLinksToAnExistingAccount() throws Exception {
        TestUsers.Session local = TestUsers.register(auth.http);
        markVerified(local.id());
        long kakaoId = KAKAO_IDS.incrementAndGet();
        fakes.kakao.signInAs(kakaoId, local.email(), false, "intruder");
        long users = count("auth.users");

        TestHttp.Response refused = OAuthFakes.signIn(auth, "kakao");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("conflict");
        assertThat(count("auth.social_accounts WHERE provider_user_id = '" + kakaoId + "'"))
                .isZero();
        assertThat(count("auth.users")).isEqualTo(users);
    }

    @Test
    void aVerifiedProviderEmailDoesNotCaptureAnUnverifiedLocalAccount() throws Exception {
        TestUsers.Session squatter = TestUsers.register(auth.http); // registered someone's address, never proved it
        long kakaoId = KAKAO_IDS.incrementAndGet();
        fakes.kakao.signInAs(kakaoId, squatter.email(), true, "owner");
        TestHttp.Response refused = OAuthFakes.signIn(auth, "kakao");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("verify the email");
        assertThat(count("auth.social_accounts WHERE provider_user_id = '" + kakaoId + "'"))
                .isZero();
    }

    @Test
    void aStateWorksOnceOnly() throws Exception {
        long kakaoId = KAKAO_IDS.incrementAndGet();
        fakes.kakao.signInAs(kakaoId, "once" + kakaoId + "@kakao.example", true, "once");
        Map<String, String> redirect = OAuthFakes.consent(OAuthFakes.startUrl(auth, "kakao"));
        assertThat(OAuthFakes.callback(auth, "kakao", redirect.get("code"), redirect.get("state"))
                        .status())
                .isEqualTo(200);

        TestHttp.Response replay = OAuthFakes.callback(auth, "kakao", redirect.get("code"), redirect.get("state"));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().get("code").asText()).isEqualTo("bad_request");
        assertThat(replay.json().get("message").asText()).contains("unknown, expired or already used");
    }

    @Test
    void anExpiredStateIsRefused() throws Exception {
        fakes.kakao.signInAs(KAKAO_IDS.incrementAndGet(), null, false, "late");
        Map<String, String> redirect = OAuthFakes.consent(OAuthFakes.startUrl(auth, "kakao"));
        try (Jedis redis = new Jedis(URI.create(TestServices.get().redisUri()))) {
            redis.pexpire("oauth:state:" + redirect.get("state"), 1);
            Await.until(() -> !redis.exists("oauth:state:" + redirect.get("state")));
        }
        int exchanges = fakes.kakao.tokenRequests.get();
        TestHttp.Response late = OAuthFakes.callback(auth, "kakao", redirect.get("code"), redirect.get("state"));
        assertThat(late.status()).isEqualTo(400);
        assertThat(fakes.kakao.tokenRequests.get())
                .as("no code exchange for a dead state")
                .isEqualTo(exchanges);
    }

    @Test
    void aStateIssuedForKakaoIsRefusedByTheGoogleCallbackAndIsSpent() throws Exception {
        fakes.kakao.signInAs(KAKAO_IDS.incrementAndGet(), null, false, "cross");
        Map<String, String> redirect = OAuthFakes.consent(OAuthFakes.startUrl(auth, "kakao"));
        TestHttp.Response crossed = OAuthFakes.callback(auth, "google", redirect.get("code"), redirect.get("state"));
        assertThat(crossed.status()).isEqualTo(400);
        assertThat(crossed.json().get("message").asText()).contains("issued for kakao");
        assertThat(OAuthFakes.callback(auth, "kakao", redirect.get("code"), redirect.get("state"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aRejectedCodeIsTheClientsError() throws Exception {
        fakes.kakao.signInAs(KAKAO_IDS.incrementAndGet(), null, false, "forged");
        Map<String, String> redirect = OAuthFakes.consent(OAuthFakes.startUrl(auth, "kakao"));
        TestHttp.Response forged = OAuthFakes.callback(auth, "kakao", "not-the-code", redirect.get("state"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("message").asText()).contains("rejected by kakao");
    }

    @Test
    void aFailingProviderGives502AndATimeoutGives503() throws Exception {
        fakes.kakao.signInAs(KAKAO_IDS.incrementAndGet(), null, false, "unlucky");
        fakes.kakao.failTokenWith(500, "server_error");
        Map<String, String> first = OAuthFakes.consent(OAuthFakes.startUrl(auth, "kakao"));
        TestHttp.Response failed = OAuthFakes.callback(auth, "kakao", first.get("code"), first.get("state"));
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.json().get("code").asText()).isEqualTo("bad_gateway");
        assertThat(failed.json().get("request_id").asText()).isNotBlank();

        fakes.kakao.recover();
        fakes.kakao.delayToken(Duration.ofMillis(4500)); // the read timeout is 3 s in these tests
        Map<String, String> second = OAuthFakes.consent(OAuthFakes.startUrl(auth, "kakao"));
        TestHttp.Response slow = OAuthFakes.callback(auth, "kakao", second.get("code"), second.get("state"));
        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.json().get("code").asText()).isEqualTo("unavailable");
        assertThat(slow.json().get("message").asText()).contains("did not answer in time");
    }

    @Test
    void badRequestsGetTheEnvelope() {
        assertThat(auth.http.get("/api/v1/auth/oauth/naver").status()).isEqualTo(404);
        TestHttp.Response foreign = auth.http.get("/api/v1/auth/oauth/kakao?redirect_uri=https://evil.example/cb");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo("redirect_uri");
        assertThat(auth.http
                        .get("/api/v1/auth/oauth/kakao?redirect_uri=myapp://oauth")
                        .status())
                .isEqualTo(200);

        String path = "/api/v1/auth/oauth/kakao/callback";
        assertThat(auth.http.postJson(path, "{\"code\":").status()).isEqualTo(400);
        TestHttp.Response missing = auth.http.postJson(path, "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("code", "state");
        assertThat(auth.http
                        .postJson(path, "{\"code\":\"c\",\"state\":\"s\",\"user_id\":\"x\"}")
                        .status())
                .isEqualTo(422);
        assertThat(auth.http.postJson(path, "{\"code\":1,\"state\":\"s\"}").status())
                .isEqualTo(422);
        assertThat(auth.http
                        .postJson(path, TestHttp.json(Map.of("code", "c".repeat(3000), "state", "s")))
                        .status())
                .isEqualTo(422);
        assertThat(auth.http
                        .postJson("/api/v1/auth/oauth/naver/callback", "{\"code\":\"c\",\"state\":\"s\"}")
                        .status())
                .isEqualTo(404);
    }

    private static String linkedUser(String provider, long subject) {
        return auth.db.withHandle(h -> h.createQuery("SELECT user_id::text FROM auth.social_accounts "
                        + "WHERE provider = :provider AND provider_user_id = :subject")
                .bind("provider", provider)
                .bind("subject", Long.toString(subject))
                .mapTo(String.class)
                .one());
    }

    private static void markVerified(String userId) {
        auth.db.useHandle(h -> h.createUpdate("UPDATE auth.users SET is_verified = true WHERE id = CAST(:id AS uuid)")
                .bind("id", userId)
                .execute());
    }

    private static long count(String fromWhere) {
        return auth.db.withHandle(h -> h.createQuery("SELECT count(*) FROM " + fromWhere)
                .mapTo(Long.class)
                .one());
    }
}
