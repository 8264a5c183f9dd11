package eco2.auth.oauth;

/**
 * What {@code GET /oauth/{provider}} remembers under its {@code state} until the callback: the provider, the
 * redirect URI the code was issued for, the PKCE verifier, the OIDC nonce, and the SHA-256 (hex) of the binding
 * the starting client holds, so that only that client can finish the sign-in.
 */
public record PendingSignIn(
        String provider, String redirectUri, String codeVerifier, String nonce, String bindingHash) {}
