package eco2.auth.session;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import eco2.auth.account.User;
import eco2.auth.keys.KeyRing;
import eco2.common.security.AccessTokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Signs RS256 access tokens with the current key and its kid. */
public final class AccessTokenIssuer {
    private final KeyRing keys;
    private final Algorithm algorithm;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokenIssuer(KeyRing keys, String issuer, Duration ttl, Clock clock) {
        this.keys = keys;
        this.algorithm = Algorithm.RSA256(null, keys.signingKey());
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** {@code sessionId} is the refresh-token family, so logout can end the session from the access token alone. */
    public String issue(User user, UUID sessionId) {
        Instant now = clock.instant();
        return JWT.create()
                .withKeyId(keys.signingKid())
                .withIssuer(issuer)
                .withAudience(AccessTokenVerifier.AUDIENCE)
                .withSubject(user.id().toString())
                .withClaim("email", user.email())
                .withClaim("username", user.username())
                .withClaim("roles", user.roles())
                .withClaim("type", "access")
                .withClaim("sid", sessionId.toString())
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now)
                .withClaim(AccessTokenVerifier.ISSUED_AT_MILLIS, now.toEpochMilli())
                .withExpiresAt(now.plus(ttl))
                .sign(algorithm);
    }
}
