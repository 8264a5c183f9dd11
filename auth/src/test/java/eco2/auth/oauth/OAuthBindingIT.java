package eco2.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.AuthTestApp;
import eco2.common.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OAuth state is bound to the client that started the flow: a browser holds the binding as an HttpOnly
 * cookie, an app sends it back in the body, and a callback without it (login CSRF, a code and state replayed
 * into someone else's browser or app) is refused.
 */
class OAuthBindingIT {
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
    void theStartSetsAShortLivedHttpOnlyLaxCookieHoldingTheReturnedBinding() {
        TestHttp.Response started = begin();
        String binding = started.json().get("binding").asText();
        assertThat(binding).matches("[A-Za-z0-9_-]{43}");
        assertThat(started.header("Set-Cookie"))
                .startsWith(OAuthHandler.BINDING_COOKIE + "=" + binding + ";")
                .contains("; Path=/api/v1/auth/oauth")
                .contains("; Max-Age=600")
                .contains("; HttpOnly")
                .contains("; SameSite=Lax")
                .doesNotContain("Secure"); // dev; production adds Secure

        // A browser that already holds a binding keeps it, so two tabs can sign in at once.
        TestHttp.Response second = begin("Cookie", OAuthHandler.BINDING_COOKIE + "=" + binding);
        assertThat(second.json().get("binding").asText()).isEqualTo(binding);
    }

    @Test
    void aCallbackWithoutTheBindingIsRefusedAndSpendsTheState() throws Exception {
        fakes.kakao.signInAs(KakaoSignInIT.KAKAO_IDS.incrementAndGet(), null, false, "victim");
        TestHttp.Response started = begin();
        Map<String, String> redirect =
                OAuthFakes.consent(started.json().get("authorization_url").asText());

        TestHttp.Response unbound = post(Map.of("code", redirect.get("code"), "state", redirect.get("state")));
        assertThat(unbound.status()).as(unbound.body()).isEqualTo(400);
        assertThat(unbound.json().get("message").asText()).contains("started by another client");

        TestHttp.Response retried = post(Map.of(
                "code",
                redirect.get("code"),
                "state",
                redirect.get("state"),
                "binding",
                started.json().get("binding").asText()));
        assertThat(retried.status()).isEqualTo(400);
    }

    @Test
    void anotherClientsBindingIsRefused() throws Exception {
        fakes.kakao.signInAs(KakaoSignInIT.KAKAO_IDS.incrementAndGet(), null, false, "attacker");
        Map<String, String> attackers =
                OAuthFakes.consent(begin().json().get("authorization_url").asText());
        String victimsBinding = begin().json().get("binding").asText();

        TestHttp.Response forced = post(
                Map.of("code", attackers.get("code"), "state", attackers.get("state")),
                "Cookie",
                OAuthHandler.BINDING_COOKIE + "=" + victimsBinding);
        assertThat(forced.status()).isEqualTo(400);
    }

    @Test
    void aBrowserFinishesWithTheCookieAndAnAppWithTheBodyField() throws Exception {
        fakes.kakao.signInAs(KakaoSignInIT.KAKAO_IDS.incrementAndGet(), null, false, "browser");
        TestHttp.Response browser = begin();
        Map<String, String> redirect =
                OAuthFakes.consent(browser.json().get("authorization_url").asText());
        TestHttp.Response viaCookie = post(
                Map.of("code", redirect.get("code"), "state", redirect.get("state")),
                "Cookie",
                OAuthHandler.BINDING_COOKIE + "="
                        + browser.json().get("binding").asText());
        assertThat(viaCookie.status()).as(viaCookie.body()).isEqualTo(200);

        fakes.kakao.signInAs(KakaoSignInIT.KAKAO_IDS.incrementAndGet(), null, false, "app");
        TestHttp.Response app = begin();
        Map<String, String> deepLink =
                OAuthFakes.consent(app.json().get("authorization_url").asText());
        TestHttp.Response viaBody = post(Map.of(
                "code",
                deepLink.get("code"),
                "state",
                deepLink.get("state"),
                "binding",
                app.json().get("binding").asText()));
        assertThat(viaBody.status()).as(viaBody.body()).isEqualTo(200);
    }

    private static TestHttp.Response begin(String... headers) {
        TestHttp.Response started =
                auth.http.get("/api/v1/auth/oauth/kakao?redirect_uri=" + OAuthFakes.REDIRECT, headers);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return started;
    }

    private static TestHttp.Response post(Map<String, String> body, String... headers) {
        return auth.http.postJson("/api/v1/auth/oauth/kakao/callback", TestHttp.json(body), headers);
    }
}
