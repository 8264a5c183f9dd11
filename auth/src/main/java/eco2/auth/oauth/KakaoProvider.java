package eco2.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.error.BadGateway;
import java.net.URI;

/**
 * Kakao Login: the authorization-code flow with PKCE, then {@code /v2/user/me} for the user. Kakao's email is an
 * optional consent item; it counts as verified only when Kakao says it is both valid and verified.
 */
final class KakaoProvider implements IdentityProvider {
    private final ProviderSettings settings;
    private final ProviderHttp http;

    KakaoProvider(ProviderSettings settings, ProviderHttp http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public URI authorizationUrl(String state, PendingSignIn pending) {
        return FormEncoding.withQuery(
                settings.authorizationUrl(), ProviderHttp.authorizationQuery(settings, state, pending));
    }

    @Override
    public ProviderIdentity identify(String code, PendingSignIn pending) {
        String accessToken =
                http.exchangeCode(settings, code, pending).path("access_token").asText("");
        if (accessToken.isEmpty()) throw new BadGateway("kakao answered the token request without an access token");
        return toIdentity(http.getWithBearer("kakao", settings.userInfoUrl(), accessToken));
    }

    private static ProviderIdentity toIdentity(JsonNode me) {
        JsonNode id = me.path("id");
        if (!id.isIntegralNumber() && !id.isTextual()) throw new BadGateway("kakao answered /v2/user/me without an id");
        JsonNode account = me.path("kakao_account");
        String email = account.path("email").isTextual() ? account.path("email").asText() : null;
        boolean verified = email != null
                && account.path("is_email_valid").asBoolean(false)
                && account.path("is_email_verified").asBoolean(false);
        String nickname = account.path("profile")
                .path("nickname")
                .asText(me.path("properties").path("nickname").asText(null));
        return new ProviderIdentity("kakao", id.asText(), email, verified, nickname);
    }
}
