package eco2.auth.oauth;

/**
 * What {@code GET /oauth/{provider}} remembers under its {@code state} until the callback: the provider, the
 * redirect URI the code was issued for, the PKCE verifier and the OIDC nonce.
 */
public record PendingSignIn(String provider, String redirectUri, String codeVerifier, String nonce) {}
