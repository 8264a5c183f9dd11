package eco2.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.common.config.Env;
import eco2.common.testing.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Both sign-in providers as local servers: Google as a real OIDC server (mock-oauth2-server, issuer "default"),
 * Kakao as {@link FakeKakao}. {@link #settings} points auth at them through the same environment variables
 * production uses, and {@link #consent} plays the browser that follows the authorization URL.
 */
final class OAuthFakes implements AutoCloseable {
    static final String REDIRECT = "http://localhost:3000/oauth/callback";
    static final String GOOGLE_CLIENT = "test-google-client";
    private static final HttpClient BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The binding each started state was issued with, which the callback sends back as an app would. */
    private static final Map<String, String> BINDINGS = new ConcurrentHashMap<>();

    final FakeKakao kakao;
    final MockOAuth2Server google;

    private OAuthFakes(FakeKakao kakao, MockOAuth2Server google) {
        this.kakao = kakao;
        this.google = google;
    }

    static OAuthFakes start() throws IOException {
        MockOAuth2Server google = new MockOAuth2Server();
        google.start();
        return new OAuthFakes(FakeKakao.start(), google);
    }

    OAuthSettings settings() {
        return OAuthSettings.fromEnv(new Env(Map.ofEntries(
                Map.entry("OAUTH_REDIRECT_URIS", REDIRECT + ",myapp://oauth"),
                Map.entry(
                        "OAUTH_READ_TIMEOUT_MS", "3000"), // generous for a busy CI machine; the slow test waits longer
                Map.entry("KAKAO_CLIENT_ID", FakeKakao.CLIENT_ID),
                Map.entry("KAKAO_AUTH_URL", kakao.baseUrl()),
                Map.entry("KAKAO_API_URL", kakao.baseUrl()),
                Map.entry("GOOGLE_CLIENT_ID", GOOGLE_CLIENT),
                Map.entry("GOOGLE_CLIENT_SECRET", "test-google-secret"),
                Map.entry(
                        "GOOGLE_AUTHORIZATION_URL",
                        google.authorizationEndpointUrl("default").toString()),
                Map.entry("GOOGLE_TOKEN_URL", google.tokenEndpointUrl("default").toString()),
                Map.entry("GOOGLE_JWKS_URL", google.jwksUrl("default").toString()),
                Map.entry("GOOGLE_ISSUER", google.issuerUrl("default").toString()))));
    }

    /** The Google user of the next token request (its ID token's audience is always the requesting client). */
    void googleSignsIn(String subject, String email, boolean verified) {
        google.enqueueCallback(new DefaultOAuth2TokenCallback(
                "default",
                subject,
                "JWT",
                List.of(GOOGLE_CLIENT),
                Map.of("email", email, "email_verified", verified, "name", "Kim Minji"),
                3600));
    }

    /** Follows the authorization URL as the user's browser would; returns the redirect's query (code, state). */
    static Map<String, String> consent(String authorizationUrl) throws Exception {
        HttpResponse<Void> response = BROWSER.send(
                HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() ->
                        new AssertionError("no redirect from " + authorizationUrl + ": " + response.statusCode()));
        return FakeKakao.query(URI.create(location));
    }

    static String startUrl(AuthTestApp auth, String provider) {
        TestHttp.Response started = auth.http.get("/api/v1/auth/oauth/" + provider + "?redirect_uri=" + REDIRECT);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        BINDINGS.put(
                started.json().get("state").asText(),
                started.json().get("binding").asText());
        return started.json().get("authorization_url").asText();
    }

    /** The callback as an app sends it: with the binding its start returned (none for a state never started). */
    static TestHttp.Response callback(AuthTestApp auth, String provider, String code, String state) {
        String binding = BINDINGS.get(state);
        Map<String, String> body = binding == null
                ? Map.of("code", code, "state", state)
                : Map.of("code", code, "state", state, "binding", binding);
        return auth.http.postJson("/api/v1/auth/oauth/" + provider + "/callback", TestHttp.json(body));
    }

    /** Start, consent, callback: the whole sign-in as a client app drives it. */
    static TestHttp.Response signIn(AuthTestApp auth, String provider) throws Exception {
        Map<String, String> redirect = consent(startUrl(auth, provider));
        return callback(auth, provider, redirect.get("code"), redirect.get("state"));
    }

    /** GET /me with a sign-in's access token. */
    static JsonNode me(AuthTestApp auth, TestHttp.Response signedIn) {
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        return auth.http
                .get(
                        "/api/v1/auth/me",
                        "Authorization",
                        TestHttp.bearer(signedIn.json().get("access_token").asText()))
                .json();
    }

    @Override
    public void close() {
        kakao.close();
        google.shutdown();
    }
}
