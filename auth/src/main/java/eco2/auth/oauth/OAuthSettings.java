package eco2.auth.oauth;

import eco2.common.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Sign-in with Kakao and Google: the two client registrations, the redirect URIs a client may ask for, and the
 * time limits for calls to the providers; {@code secureCookie} (production) marks the binding cookie Secure.
 */
public record OAuthSettings(
        ProviderSettings kakao,
        ProviderSettings google,
        List<String> redirectUris,
        Duration connectTimeout,
        Duration readTimeout,
        boolean secureCookie) {
    public static final String DEV_REDIRECT_URIS =
            "http://localhost:8080/oauth/callback,http://localhost:3000/oauth/callback";

    public static OAuthSettings fromEnv(Env env) {
        return new OAuthSettings(
                kakao(env),
                google(env),
                env.list("OAUTH_REDIRECT_URIS", DEV_REDIRECT_URIS),
                Duration.ofMillis(env.integer("OAUTH_CONNECT_TIMEOUT_MS", 3000)),
                Duration.ofMillis(env.integer("OAUTH_READ_TIMEOUT_MS", 5000)),
                env.production());
    }

    /** Kakao needs only a client id (REST API key); the client secret is an optional Kakao feature. */
    static ProviderSettings kakao(Env env) {
        String clientId = env.optional("KAKAO_CLIENT_ID");
        String authBase = env.get("KAKAO_AUTH_URL", "https://kauth.kakao.com");
        return new ProviderSettings(
                "kakao",
                clientId,
                env.optional("KAKAO_CLIENT_SECRET"),
                URI.create(authBase + "/oauth/authorize"),
                URI.create(authBase + "/oauth/token"),
                URI.create(env.get("KAKAO_API_URL", "https://kapi.kakao.com") + "/v2/user/me"),
                null,
                null,
                null,
                clientId == null ? "KAKAO_CLIENT_ID" : null);
    }

    /** Google signs in with OpenID Connect: the ID token is verified against Google's JWKS. */
    static ProviderSettings google(Env env) {
        String clientId = env.optional("GOOGLE_CLIENT_ID");
        String secret = env.optional("GOOGLE_CLIENT_SECRET");
        String missing = clientId == null ? "GOOGLE_CLIENT_ID" : secret == null ? "GOOGLE_CLIENT_SECRET" : null;
        return new ProviderSettings(
                "google",
                clientId,
                secret,
                URI.create(env.get("GOOGLE_AUTHORIZATION_URL", "https://accounts.google.com/o/oauth2/v2/auth")),
                URI.create(env.get("GOOGLE_TOKEN_URL", "https://oauth2.googleapis.com/token")),
                null,
                URI.create(env.get("GOOGLE_JWKS_URL", "https://www.googleapis.com/oauth2/v3/certs")),
                env.get("GOOGLE_ISSUER", "https://accounts.google.com"),
                "openid email profile",
                missing);
    }
}
