package eco2.auth.oauth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import eco2.common.error.BadGateway;
import eco2.common.security.AccessTokenVerifier;
import eco2.common.security.PublicKeySource;
import java.time.Clock;

/**
 * Verifies an OpenID Connect ID token as the spec requires: RS256 only (pinned, so {@code none} and HS256 fail),
 * signed by a key from the provider's JWKS, from the configured issuer, for our client id, not expired, carrying
 * the nonce this sign-in sent. Google writes its issuer with or without {@code https://}; both are accepted.
 */
final class IdTokenVerifier {
    private final JWTVerifier verifier;
    private final String provider;

    IdTokenVerifier(String provider, PublicKeySource keys, String issuer, String clientId, Clock clock) {
        this.provider = provider;
        String[] issuers = issuer.startsWith("https://")
                ? new String[] {issuer, issuer.substring("https://".length())}
                : new String[] {issuer};
        Verification rules = JWT.require(Algorithm.RSA256(keys.asVerifyingKeyProvider()))
                .withIssuer(issuers)
                .withAudience(clientId)
                .withClaimPresence("exp")
                .withClaimPresence("sub")
                .acceptLeeway(AccessTokenVerifier.LEEWAY.toSeconds());
        this.verifier = ((JWTVerifier.BaseVerification) rules).build(clock);
    }

    DecodedJWT verify(String idToken, String expectedNonce) {
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(idToken);
        } catch (JWTVerificationException e) {
            throw new BadGateway(provider + " returned an ID token that failed verification: " + e.getMessage());
        }
        if (!expectedNonce.equals(jwt.getClaim("nonce").asString())) {
            throw new BadGateway(provider + " returned an ID token for another sign-in (nonce mismatch)");
        }
        return jwt;
    }
}
