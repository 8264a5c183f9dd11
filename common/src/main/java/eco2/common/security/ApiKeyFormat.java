package eco2.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The API key format: {@code eco2_} + an 8-character key id + {@code _} + a 32-character secret + a 6-character
 * checksum, all base62. The checksum (CRC32 of everything before it) lets every service refuse a mistyped or made-up
 * key with no Redis or database lookup; it is not a secret. The prefix {@code eco2_<id>} names the key in lists,
 * logs and Redis; only the SHA-256 of the whole key is stored.
 */
public final class ApiKeyFormat {
    public static final String SCHEME = "eco2_";
    public static final int ID_LENGTH = 8;
    public static final int SECRET_LENGTH = 32;
    public static final int CHECKSUM_LENGTH = 6;
    public static final int PREFIX_LENGTH = SCHEME.length() + ID_LENGTH;
    public static final int LENGTH = PREFIX_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ApiKeyFormat() {}

    /** A well-formed key: its prefix and the hex SHA-256 it is stored under. */
    public record Parsed(String prefix, String sha256) {}

    /** Null when the text is not a well-formed key with a correct checksum; never touches Redis or a database. */
    public static Parsed parse(String key) {
        if (key == null || key.length() != LENGTH || !key.startsWith(SCHEME) || key.charAt(PREFIX_LENGTH) != '_') {
            return null;
        }
        for (int i = SCHEME.length(); i < LENGTH; i++) {
            if (i != PREFIX_LENGTH && !isBase62(key.charAt(i))) return null;
        }
        int body = LENGTH - CHECKSUM_LENGTH;
        if (!checksum(key.substring(0, body)).equals(key.substring(body))) return null;
        return new Parsed(key.substring(0, PREFIX_LENGTH), sha256(key));
    }

    /** The full key for an id and a secret (both base62, of the right lengths). */
    public static String compose(String id, String secret) {
        if (id.length() != ID_LENGTH || secret.length() != SECRET_LENGTH) throw new IllegalArgumentException("lengths");
        String body = SCHEME + id + "_" + secret;
        return body + checksum(body);
    }

    /** CRC32 in base62, left-padded to six characters (62^6 > 2^32). */
    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    public static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex digests, so timing tells nothing about how much of a hash matched. */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
