package eco2.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.common.testing.MailTokens;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Password reset over HTTP: no enumeration, a link that works once, and every old session revoked. */
class PasswordResetIT {
    static final String NEW_PASSWORD = "a brand new passphrase";
    static MailedAuth app;
    static AuthTestApp auth;

    @BeforeAll
    static void start() throws Exception {
        app = MailedAuth.start();
        auth = app.auth;
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void theLinkSetsANewPasswordAndKillsEveryOldSession() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.http);
        TestUsers.Session otherDevice = loginAgain(user);

        assertThat(requestReset(user.email(), "ko-KR,ko;q=0.9").status()).isEqualTo(202);
        JsonNode mail = app.mailTo(user.email());
        assertThat(mail.get("template").asText()).isEqualTo("reset_password");
        assertThat(mail.get("language").asText()).isEqualTo("ko");
        assertThat(Duration.between(
                        Instant.now(), Instant.parse(mail.get("expires_at").asText())))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));

        TestHttp.Response reset = reset(MailTokens.open(mail), NEW_PASSWORD);
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertThat(TestUsers.login(auth.http, user.username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(401);
        String fresh = TestUsers.login(auth.http, user.username(), NEW_PASSWORD)
                .json()
                .get("access_token")
                .asText();
        for (TestUsers.Session session : new TestUsers.Session[] {user, otherDevice}) {
            assertThat(auth.http.get("/api/v1/auth/me", session.auth()).status())
                    .as("access tokens from before the reset are refused")
                    .isEqualTo(401);
        }
        assertThat(auth.http
                        .get("/api/v1/auth/me", "Authorization", TestHttp.bearer(fresh))
                        .status())
                .as("a sign-in right after the reset is not caught by it")
                .isEqualTo(200);
        for (TestUsers.Session session : new TestUsers.Session[] {user, otherDevice}) {
            TestHttp.Response refreshed = auth.http.postJson(
                    "/api/v1/auth/refresh", TestHttp.json(Map.of("refresh_token", session.refreshToken())));
            assertThat(refreshed.status()).as("old refresh tokens are dead").isEqualTo(401);
        }
        String hash = auth.db.withHandle(
                h -> h.createQuery("SELECT password_hash FROM auth.users WHERE id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(String.class)
                        .one());
        assertThat(hash).startsWith("$argon2id$");
        assertThat(reset(MailTokens.open(mail), "yet another password").status())
                .as("single use")
                .isEqualTo(400);
    }

    @Test
    void unknownAndDeactivatedAddressesGetTheSameAnswerAndNoMail() throws Exception {
        TestUsers.Session gone = TestUsers.register(auth.http);
        auth.db.useHandle(h -> h.createUpdate("UPDATE auth.users SET is_active = false WHERE id = CAST(:id AS uuid)")
                .bind("id", gone.id())
                .execute());
        TestUsers.Session known = TestUsers.register(auth.http);

        TestHttp.Response unknown = requestReset("nobody-" + System.nanoTime() + "@example.com", null);
        TestHttp.Response deactivated = requestReset(gone.email(), null);
        TestHttp.Response existing = requestReset(known.email(), null);
        for (TestHttp.Response response : new TestHttp.Response[] {unknown, deactivated, existing}) {
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.body()).isEmpty();
        }
        // One worker thread handles requests in order: once the known address's mail exists, the others are done.
        app.mailTo(known.email());
        long resetMails = auth.db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.outbox "
                        + "WHERE type = 'notification.email' AND payload->'data'->>'template' = 'reset_password' "
                        + "AND payload->'data'->>'to' IN (:a, :b)")
                .bind("a", gone.email())
                .bind("b", known.email())
                .mapTo(Long.class)
                .one());
        assertThat(resetMails).isEqualTo(1);
    }

    @Test
    void aBadNewPasswordIsRefusedAndTheLinkStillWorks() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.http);
        requestReset(user.email(), null);
        String token = MailTokens.open(app.mailTo(user.email()));

        TestHttp.Response tooShort = reset(token, "short");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.json().get("errors").get(0).get("field").asText()).isEqualTo("new_password");
        assertThat(TestUsers.login(auth.http, user.username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void anExpiredLinkIsRefusedAndThePasswordStays() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.http);
        requestReset(user.email(), null);
        String token = MailTokens.open(app.mailTo(user.email()));
        auth.db.useHandle(
                h -> h.createUpdate("UPDATE auth.one_time_tokens SET expires_at = now() - interval '1 second' "
                                + "WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .execute());
        assertThat(reset(token, NEW_PASSWORD).status()).isEqualTo(400);
        assertThat(TestUsers.login(auth.http, user.username(), TestUsers.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aVerificationTokenCannotResetAPassword() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.http);
        auth.http.postJson(
                "/api/v1/auth/verify-email/request", "", "Authorization", TestHttp.bearer(user.accessToken()));
        String verifyToken = MailTokens.open(app.mailTo(user.email()));
        assertThat(reset(verifyToken, NEW_PASSWORD).status()).isEqualTo(400);
    }

    @Test
    void eachAddressGetsThreeRequestsAnHour() {
        String email = "flood-" + System.nanoTime() + "@example.com";
        for (int i = 0; i < 3; i++)
            assertThat(requestReset(email, null).status()).isEqualTo(202);
        TestHttp.Response limited = requestReset(email, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.json().get("code").asText()).isEqualTo("rate_limited");
    }

    @Test
    void badBodiesGetTheEnvelope() {
        String path = "/api/v1/auth/reset-password/request";
        assertThat(auth.http.postJson(path, "not json").status()).isEqualTo(400);
        assertThat(auth.http.postJson(path, "{}").status()).isEqualTo(422);
        assertThat(auth.http.postJson(path, "{\"email\":\"not-an-email\"}").status())
                .isEqualTo(422);
        assertThat(auth.http.postJson(path, "{\"email\":[\"a@b.kr\"]}").status())
                .isEqualTo(422);
        TestHttp.Response both =
                auth.http.postJson("/api/v1/auth/reset-password", "{\"token\":\"\",\"new_password\":\"\"}");
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("token", "new_password");
        assertThat(auth.http
                        .postJson(
                                "/api/v1/auth/reset-password",
                                "{\"token\":\"t\",\"new_password\":\"long enough\",\"user_id\":\"x\"}")
                        .status())
                .isEqualTo(422);
    }

    private static TestUsers.Session loginAgain(TestUsers.Session user) {
        JsonNode tokens =
                TestUsers.login(auth.http, user.username(), TestUsers.PASSWORD).json();
        return new TestUsers.Session(
                user.id(),
                user.email(),
                user.username(),
                tokens.get("access_token").asText(),
                tokens.get("refresh_token").asText());
    }

    private static TestHttp.Response requestReset(String email, String language) {
        String body = TestHttp.json(Map.of("email", email));
        return language == null
                ? auth.http.postJson("/api/v1/auth/reset-password/request", body)
                : auth.http.postJson("/api/v1/auth/reset-password/request", body, "Accept-Language", language);
    }

    private static TestHttp.Response reset(String token, String newPassword) {
        return auth.http.postJson(
                "/api/v1/auth/reset-password", TestHttp.json(Map.of("token", token, "new_password", newPassword)));
    }
}
