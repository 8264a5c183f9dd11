package eco2.common.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import eco2.common.security.PublicKeySource;
import eco2.common.security.RsaJwk;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Mints access tokens the way auth does (RS256, kid = JWK thumbprint), and broken ones on request. */
public final class TestTokens {
    public static final String ISSUER = "test-issuer";

    /** A signed token and the claims a test wants to refer back to. */
    record Issued(String token, UUID userId, String jti) {
        String bearer() {
            return "Bearer " + token;
        }
    }

    private final KeyPair keys = newKeyPair();
    private final String kid = RsaJwk.thumbprint(publicKey());

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    public String kid() {
        return kid;
    }

    public PublicKeySource keySource() {
        Map<String, RSAPublicKey> byKid = Map.of(kid, publicKey());
        return k -> k == null ? null : byKid.get(k); // the contract: null for unknown, including no kid at all
    }

    Algorithm rs256() {
        return Algorithm.RSA256(publicKey(), (RSAPrivateKey) keys.getPrivate());
    }

    /** The claims of a good access token for {@code userId}; callers change or drop entries to break it. */
    public Map<String, Object> claims(UUID userId) {
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", "eco2");
        claims.put("sub", userId.toString());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("type", "access");
        claims.put("email", "someone@example.com");
        claims.put("username", "someone");
        claims.put("roles", List.of("user"));
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plus(Duration.ofMinutes(30))));
        return claims;
    }

    String sign(Map<String, Object> claims, Algorithm algorithm, String keyId) {
        return JWT.create().withKeyId(keyId).withPayload(claims).sign(algorithm);
    }

    public String sign(Map<String, Object> claims) {
        return sign(claims, rs256(), kid);
    }

    Issued issue() {
        UUID userId = UUID.randomUUID();
        Map<String, Object> claims = claims(userId);
        return new Issued(sign(claims), userId, (String) claims.get("jti"));
    }
}
