package eco2.auth.account;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Usernames for accounts made by a sign-in provider: derived from the email's local part or the display name,
 * reduced to the {@code [a-z0-9_]{3,30}} rule, and made unique with a random suffix when taken.
 */
public final class Usernames {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 8;

    private Usernames() {}

    public static String unique(UserRepository users, String email, String displayName, String provider) {
        String base = base(email, displayName, provider);
        if (!users.usernameTaken(base)) return base;
        for (int i = 0; i < ATTEMPTS; i++) {
            String candidate = base + "_" + (1000 + RANDOM.nextInt(9000));
            if (!users.usernameTaken(candidate)) return candidate;
        }
        return provider + "_" + Long.toHexString(RANDOM.nextLong() & 0xffffffffffL); // ~1e12 choices: free in practice
    }

    /** The best readable stem, at most 25 characters so a suffix still fits in 30. */
    static String base(String email, String displayName, String provider) {
        String fromEmail = email == null ? "" : clean(email.substring(0, Math.max(0, email.indexOf('@'))));
        if (fromEmail.length() >= 3) return fromEmail;
        String fromName = displayName == null ? "" : clean(displayName);
        if (fromName.length() >= 3) return fromName;
        return provider + "_user";
    }

    private static String clean(String raw) {
        String ascii = Normalizer.normalize(raw, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        return ascii.length() > 25 ? ascii.substring(0, 25).replaceAll("_$", "") : ascii;
    }
}
