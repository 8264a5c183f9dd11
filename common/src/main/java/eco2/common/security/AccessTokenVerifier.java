package eco2.common.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Verifies access tokens locally. The algorithm is pinned to RS256, so {@code alg:none} and HS/RS confusion
 * fail; {@code exp}, {@code iss}, {@code aud=eco2} and {@code type=access} are all required.
 */
public final class AccessTokenVerifier {
    public static final String AUDIENCE = "eco2";
    /** Clock skew tolerated on exp; a revocation must outlive the token by this much too. */
    public static final Duration LEEWAY = Duration.ofSeconds(5);
    /** The issue time in milliseconds, beside the standard {@code iat}. */
    public static final String ISSUED_AT_MILLIS = "iat_ms";

    private final JWTVerifier verifier;
    private final VerifiedTokenCache cache;

    public AccessTokenVerifier(PublicKeySource keys, String issuer, Clock clock) {
        this.cache = new VerifiedTokenCache(50_000, clock);
        Algorithm rs256 = Algorithm.RSA256(keys.asVerifyingKeyProvider());
        Verification rules = JWT.require(rs256)
                .withIssuer(issuer)
                .withAudience(AUDIENCE)
                .withClaim("type", "access")
                .withClaimPresence("exp")
                .withClaimPresence("sub")
                .withClaimPresence("jti")
                .acceptLeeway(LEEWAY.toSeconds());
        this.verifier = ((JWTVerifier.BaseVerification) rules).build(clock);
    }

    /** Returns the principal, or null when the token is not a valid access token for any reason. */
    public Principal verify(String token) {
        return cache.get(token, this::verifyNow);
    }

    private Principal verifyNow(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            List<String> roles = jwt.getClaim("roles").asList(String.class);
            return new Principal(
                    UUID.fromString(jwt.getSubject()),
                    jwt.getClaim("email").asString(),
                    jwt.getClaim("username").asString(),
                    roles == null ? List.of() : List.copyOf(roles),
                    jwt.getId(),
                    jwt.getExpiresAtAsInstant(),
                    jwt.getClaim("sid").asString(),
                    issuedAt(jwt));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code iat} has whole seconds only; auth also writes {@code iat_ms}, so that a token issued just after a
     * per-user revocation (a sign-in right after a password reset) is not mistaken for one issued before it.
     */
    private static Instant issuedAt(DecodedJWT jwt) {
        Long millis = jwt.getClaim(ISSUED_AT_MILLIS).asLong();
        if (millis != null) return Instant.ofEpochMilli(millis);
        return jwt.getIssuedAtAsInstant();
    }
}
