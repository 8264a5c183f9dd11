package eco2.auth.mail;

import java.time.Instant;

/**
 * Data of the {@code notification.email} event the notification worker turns into a mail. It carries the raw
 * one-time token because the worker builds the link; auth itself keeps only the token's hash.
 */
public record EmailNotification(
        String template, String to, String username, String language, String token, Instant expiresAt) {
    public static final String TYPE = "notification.email";
    public static final String VERIFY_EMAIL = "verify_email";
    public static final String RESET_PASSWORD = "reset_password";
}
