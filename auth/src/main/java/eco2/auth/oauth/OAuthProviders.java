package eco2.auth.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.common.security.JwksClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Builds the two providers from their settings; an unconfigured one is still listed and answers 503. */
public final class OAuthProviders {
    private OAuthProviders() {}

    public static Map<String, IdentityProvider> create(OAuthSettings settings, ObjectMapper mapper, Clock clock) {
        ProviderHttp http = new ProviderHttp(mapper, settings.connectTimeout(), settings.readTimeout());
        ProviderSettings google = settings.google();
        IdTokenVerifier idTokens = new IdTokenVerifier(
                "google",
                new JwksClient(google.jwksUrl(), mapper, clock, Duration.ofSeconds(30)),
                google.issuer(),
                google.clientId() == null ? "unconfigured" : google.clientId(),
                clock);
        return Map.of(
                "kakao", new KakaoProvider(settings.kakao(), http),
                "google", new GoogleProvider(google, http, idTokens));
    }
}
