package eco2.auth.account;

import eco2.common.error.FieldErrors;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for emails, usernames and passwords, and the one way emails are normalised. */
public final class Credentials {
    private static final Pattern EMAIL = Pattern.compile(
            "^[^\\s@]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9_]{3,30}$");

    private Credentials() {}

    /**
     * Trims and lower-cases the domain; the local part keeps its case as typed, for display. Uniqueness and every
     * lookup ignore case (in SQL, with lower()), so Bob@x and bob@x are one account.
     */
    public static String normaliseEmail(String email) {
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        return at < 0
                ? trimmed
                : trimmed.substring(0, at) + trimmed.substring(at).toLowerCase(Locale.ROOT);
    }

    public static void checkEmail(FieldErrors errors, String field, String email) {
        if (email == null || email.isBlank()) errors.add(field, "is required");
        else if (email.trim().length() > 254 || !EMAIL.matcher(email.trim()).matches())
            errors.add(field, "must be a valid email address");
    }

    public static void checkUsername(FieldErrors errors, String field, String username) {
        if (username == null || username.isBlank()) errors.add(field, "is required");
        else if (!USERNAME.matcher(username).matches()) errors.add(field, "must be 3-30 characters of a-z, 0-9 and _");
    }

    public static void checkPassword(FieldErrors errors, String field, String password) {
        if (password == null || password.isEmpty()) {
            errors.add(field, "is required");
            return;
        }
        int length = password.codePointCount(0, password.length());
        if (length < 8 || length > 128) errors.add(field, "must be 8-128 characters");
    }
}
