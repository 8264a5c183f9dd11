package eco2.auth.oauth;

import java.net.URI;

/** One sign-in provider: where to send the user, and how to turn the returned code into an identity. */
public interface IdentityProvider {
    ProviderSettings settings();

    /** The provider's authorization URL for this state, with the PKCE S256 challenge (and nonce where used). */
    URI authorizationUrl(String state, PendingSignIn pending);

    /** Exchanges the code (with the PKCE verifier) and reads the user; provider failures become 400/502/503. */
    ProviderIdentity identify(String code, PendingSignIn pending);
}
