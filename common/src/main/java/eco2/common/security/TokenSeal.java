package eco2.common.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one-time tokens that travel in events: auth seals the token for the notification worker, which
 * opens it to build the link, so the raw token is stored nowhere in between (outbox rows, queues, dead letters).
 * Both read the key from {@code MAIL_TOKEN_KEY}. The associated data binds a sealed token to its mail (template and
 * recipient): pasted into an event for another address, it does not open.
 */
public final class TokenSeal {
    /** Dev only (the key of every clone); production must set {@code MAIL_TOKEN_KEY}. */
    public static final String DEV_KEY =
            Base64.getEncoder().encodeToString("eco2-dev-mail-token-key-32-bytes".getBytes(StandardCharsets.US_ASCII));

    private static final String VERSION = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private TokenSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** {@code base64}: 32 random bytes, e.g. {@code openssl rand -base64 32}; {@code variable} names it in errors. */
    public static TokenSeal fromBase64(String variable, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) throw new IllegalStateException(variable + " must be 32 bytes in base64");
        return new TokenSeal(key);
    }

    /** What a sealed token is bound to: the mail's template and recipient. */
    public static String context(String template, String recipient) {
        return template + "\n" + recipient;
    }

    public String seal(String token, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The raw token; {@link IllegalArgumentException} when it was sealed with another key, for another mail, or altered. */
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(VERSION)) throw new IllegalArgumentException("not a sealed token");
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            if (in.length <= IV_BYTES) throw new IllegalArgumentException("sealed token too short");
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, context);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed token does not open with this key for this mail");
        }
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
