package eco2.auth.oauth;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import eco2.common.error.BadGateway;
import java.net.URI;
import java.util.LinkedHashMap;
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
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", settings.clientId());
    query.put("redirect_uri", pending.redirectUri());
    query.put("scope", settings.scope());
    query.put("state", state);
    query.put("nonce", pending.nonce());
    query.put("code_challenge", Pkce.challenge(pending.codeVerifier()));
    query.put("code_challenge_method", "S256");
    return FormEncoding.withQuery(settings.authorizationUrl(), query);
  }

  @Override
  public ProviderIdentity identify(String code, PendingSignIn pending) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    form.put("redirect_uri", pending.redirectUri());
    form.put("code", code);
    form.put("code_verifier", pending.codeVerifier());
    String idToken = http.postForm("google", settings.tokenUrl(), form).path("id_token").asText("");
    if (idToken.isEmpty()) throw new BadGateway("google answered the token request without an ID token");
    DecodedJWT jwt = idTokens.verify(idToken, pending.nonce());
    String email = jwt.getClaim("email").asString();
    return new ProviderIdentity("google", jwt.getSubject(), email, email != null && isTrue(jwt.getClaim("email_verified")),
        jwt.getClaim("name").asString());
  }

  /** {@code email_verified} is a boolean, but some issuers have sent the string "true". */
  private static boolean isTrue(Claim claim) {
    Boolean asBoolean = claim.asBoolean();
    return asBoolean != null ? asBoolean : "true".equalsIgnoreCase(claim.asString());
  }
}
