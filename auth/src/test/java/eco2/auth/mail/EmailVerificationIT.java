package eco2.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.auth.OpaqueTokens;
import eco2.common.testing.MailTokens;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Email verification over HTTP: the link is mailed through the outbox, works once, and only the newest works. */
class EmailVerificationIT {
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
    void theRawTokenIsNeitherInTheOutboxNorOnTheWire() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.http);
        auth.http.postJson(
                "/api/v1/auth/verify-email/request", "", "Authorization", TestHttp.bearer(user.accessToken()));
        JsonNode data = app.mailTo(user.email());
        String token = MailTokens.open(data);
        assertThat(data.has("token")).as("the event has no clear token field").isFalse();
        assertThat(data.toString()).doesNotContain(token);
        List<String> stored = auth.db.withHandle(
                h -> h.createQuery("SELECT payload::text FROM auth.outbox WHERE payload->'data'->>'to' = :to")
                        .bind("to", user.email())
                        .mapTo(String.class)
                        .list());
        assertThat(stored)
                .isNotEmpty()
                .allSatisfy(
                        payload -> assertThat(payload).contains("sealed_token").doesNotContain(token));
        // Sealed for this mail only: the token still verifies the account.
        assertThat(auth.http
                        .postJson("/api/v1/auth/verify-email", TestHttp.json(Map.of("token", token)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theMailedTokenVerifiesTheAccountOnce() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.http);
        assertThat(me(user).get("is_verified").asBoolean()).isFalse(); // and now cached

        TestHttp.Response requested = auth.http.postJson(
                "/api/v1/auth/verify-email/request",
                "",
                "Authorization",
                TestHttp.bearer(user.accessToken()),
                "Accept-Language",
                "en-US,en;q=0.9,ko;q=0.8");
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        JsonNode data = app.mailTo(user.email());
        assertThat(data.get("template").asText()).isEqualTo("verify_email");
        assertThat(data.get("username").asText()).isEqualTo(user.username());
        assertThat(data.get("language").asText()).isEqualTo("en");
        assertThat(Duration.between(
                        Instant.now(), Instant.parse(data.get("expires_at").asText())))
                .isBetween(Duration.ofHours(23), Duration.ofHours(24));
        String token = MailTokens.open(data);
        assertThat(storedHashes(user.id())).as("only the hash is stored").containsExactly(sha256Hex(token));

        TestHttp.Response verified =
                auth.http.postJson("/api/v1/auth/verify-email", TestHttp.json(Map.of("token", token)));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("is_verified").asBoolean()).isTrue();
        assertThat(me(user).get("is_verified").asBoolean())
                .as("the cached /me was dropped")
                .isTrue();

        TestHttp.Response again =
                auth.http.postJson("/api/v1/auth/verify-email", TestHttp.json(Map.of("token", token)));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("code").asText()).isEqualTo("bad_request");

        TestHttp.Response twice = auth.http.postJson(
                "/api/v1/auth/verify-email/request", "", "Authorization", TestHttp.bearer(user.accessToken()));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void onlyTheNewestLinkWorks() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.http);
        String first = requestToken(user);
        String second = requestToken(user);
        assertThat(verify(first).status()).isEqualTo(400);
        assertThat(verify(second).status()).isEqualTo(200);
    }

    @Test
    void anExpiredLinkDoesNotVerify() throws Exception {
        TestUsers.Session user = TestUsers.register(auth.http);
        String token = requestToken(user);
        auth.db.useHandle(
                h -> h.createUpdate("UPDATE auth.one_time_tokens SET expires_at = now() - interval '1 second' "
                                + "WHERE user_id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .execute());
        assertThat(verify(token).status()).isEqualTo(400);
        assertThat(me(user).get("is_verified").asBoolean()).isFalse();
    }

    @Test
    void aMissingOrBadTokenIsRefusedAndChangesNothing() {
        assertThat(auth.http.postJson("/api/v1/auth/verify-email/request", "").status())
                .isEqualTo(401);
        assertThat(auth.http
                        .postJson("/api/v1/auth/verify-email/request", "", "Authorization", "Bearer not.a.token")
                        .status())
                .isEqualTo(401);
        assertThat(verify(OpaqueTokens.newToken()).status()).isEqualTo(400);
        assertThat(auth.http
                        .postJson("/api/v1/auth/verify-email", "{\"token\":")
                        .status())
                .isEqualTo(400);
        assertThat(auth.http.postJson("/api/v1/auth/verify-email", "{}").status())
                .isEqualTo(422);
        assertThat(auth.http
                        .postJson("/api/v1/auth/verify-email", "{\"token\":42}")
                        .status())
                .isEqualTo(422);
        assertThat(auth.http
                        .postJson("/api/v1/auth/verify-email", "{\"token\":\"t\",\"user_id\":\"x\"}")
                        .status())
                .isEqualTo(422);
        TestHttp.Response huge =
                auth.http.postJson("/api/v1/auth/verify-email", TestHttp.json(Map.of("token", "t".repeat(500))));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.json().get("errors").get(0).get("field").asText()).isEqualTo("token");
    }

    private static String requestToken(TestUsers.Session user) throws Exception {
        TestHttp.Response requested = auth.http.postJson(
                "/api/v1/auth/verify-email/request", "", "Authorization", TestHttp.bearer(user.accessToken()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        return MailTokens.open(app.mailTo(user.email()));
    }

    private static TestHttp.Response verify(String token) {
        return auth.http.postJson("/api/v1/auth/verify-email", TestHttp.json(Map.of("token", token)));
    }

    private static JsonNode me(TestUsers.Session user) {
        return auth.http
                .get("/api/v1/auth/me", "Authorization", TestHttp.bearer(user.accessToken()))
                .json();
    }

    private static java.util.List<String> storedHashes(String userId) {
        return auth.db.withHandle(h -> h.createQuery("SELECT encode(token_hash, 'hex') FROM auth.one_time_tokens "
                        + "WHERE user_id = CAST(:id AS uuid)")
                .bind("id", userId)
                .mapTo(String.class)
                .list());
    }

    static String sha256Hex(String token) {
        return java.util.HexFormat.of().formatHex(OpaqueTokens.hash(token));
    }
}
