package eco2.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestUsers;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Google sign-in through a real OIDC server: the ID token is verified (signature, issuer, audience, nonce). */
class GoogleSignInIT {
    static OAuthFakes fakes;
    static AuthTestApp auth;

    @BeforeAll
    static void start() throws Exception {
        fakes = OAuthFakes.start();
        auth = AuthTestApp.start(fakes.settings());
    }

    @AfterAll
    static void stop() {
        auth.close();
        fakes.close();
    }

    @Test
    void theAuthorizationUrlAsksForOpenIdWithANonceAndPkce() {
        TestHttp.Response started = auth.http.get("/api/v1/auth/oauth/google?redirect_uri=" + OAuthFakes.REDIRECT);
        Map<String, String> query = FakeKakao.query(
                URI.create(started.json().get("authorization_url").asText()));
        assertThat(query)
                .containsEntry("client_id", OAuthFakes.GOOGLE_CLIENT)
                .containsEntry("scope", "openid email profile")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("state", started.json().get("state").asText());
        assertThat(query.get("nonce")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void aGoogleUserWithAVerifiedEmailGetsAVerifiedAccount() throws Exception {
        String subject = "google-" + UUID.randomUUID();
        String email = subject + "@gmail.example";
        fakes.googleSignsIn(subject, email, true);

        TestHttp.Response signedIn = OAuthFakes.signIn(auth, "google");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        JsonNode me = OAuthFakes.me(auth, signedIn);
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("is_verified").asBoolean()).isTrue();
        assertThat(me.get("username").asText()).startsWith("google_");
        assertThat(linksOf(subject)).isEqualTo(1L);

        fakes.googleSignsIn(subject, email, true);
        assertThat(OAuthFakes.me(auth, OAuthFakes.signIn(auth, "google"))
                        .get("id")
                        .asText())
                .isEqualTo(me.get("id").asText());
    }

    @Test
    void anUnverifiedGoogleEmailDoesNotLinkToAVerifiedAccount() throws Exception {
        TestUsers.Session local = TestUsers.register(auth.http);
        auth.db.useHandle(h -> h.createUpdate("UPDATE auth.users SET is_verified = true WHERE id = CAST(:id AS uuid)")
                .bind("id", local.id())
                .execute());
        fakes.googleSignsIn("google-" + UUID.randomUUID(), local.email(), false);
        assertThat(OAuthFakes.signIn(auth, "google").status()).isEqualTo(409);

        String owner = "google-" + UUID.randomUUID();
        fakes.googleSignsIn(owner, local.email(), true);
        TestHttp.Response linked = OAuthFakes.signIn(auth, "google");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(OAuthFakes.me(auth, linked).get("id").asText()).isEqualTo(local.id());
    }

    private static long linksOf(String subject) {
        return auth.db.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.social_accounts "
                        + "WHERE provider = 'google' AND provider_user_id = :subject")
                .bind("subject", subject)
                .mapTo(Long.class)
                .one());
    }
}
