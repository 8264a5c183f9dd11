package eco2.auth.oauth;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import eco2.common.error.BadGateway;
import java.net.URI;
import java.util.Map;

/**
 * Google sign-in through OpenID Connect: the authorization-code flow with PKCE and a nonce, then the user is read
 * from the ID token in the token response, which is verified against Google's JWKS (no userinfo call needed).
 */
final class GoogleProvider implements IdentityProvider {
    private final ProviderSettings settings;
    private final ProviderHttp http;
    private final IdTokenVerifier idTokens;

    GoogleProvider(ProviderSettings settings, ProviderHttp http, IdTokenVerifier idTokens) {
        this.settings = settings;
        this.http = http;
        this.idTokens = idTokens;
    }

    @Override
    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public URI authorizationUrl(String state, PendingSignIn pending) {
        Map<String, String> query = ProviderHttp.authorizationQuery(settings, state, pending);
        query.put("scope", settings.scope());
        query.put("nonce", pending.nonce());
        return FormEncoding.withQuery(settings.authorizationUrl(), query);
    }

    @Override
    public ProviderIdentity identify(String code, PendingSignIn pending) {
        String idToken =
                http.exchangeCode(settings, code, pending).path("id_token").asText("");
        if (idToken.isEmpty()) throw new BadGateway("google answered the token request without an ID token");
        DecodedJWT jwt = idTokens.verify(idToken, pending.nonce());
        String email = jwt.getClaim("email").asString();
        return new ProviderIdentity(
                "google",
                jwt.getSubject(),
                email,
                email != null && isTrue(jwt.getClaim("email_verified")),
                jwt.getClaim("name").asString());
    }

    /** {@code email_verified} is a boolean, but some issuers have sent the string "true". */
    private static boolean isTrue(Claim claim) {
        Boolean asBoolean = claim.asBoolean();
        return asBoolean != null ? asBoolean : "true".equalsIgnoreCase(claim.asString());
    }
}
