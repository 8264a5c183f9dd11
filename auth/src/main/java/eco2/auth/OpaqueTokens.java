package eco2.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes opaque 256-bit tokens (refresh tokens, email links, OAuth state, PKCE verifiers) and the SHA-256 that is
 * stored in place of the ones that must be checked later.
 */
public final class OpaqueTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    /** 32 random bytes, base64url without padding: 43 characters, safe in URLs. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short hex digest, to name a rate-limit bucket after personal data (an email) without storing it. */
    public static String bucketName(String value) {
        return HexFormat.of().formatHex(hash(value), 0, 16);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
