package eco2.auth.mail;

import java.time.Instant;

/**
 * Data of the {@code notification.email} event the notification worker turns into a mail. The one-time token
 * travels sealed for the worker ({@link eco2.common.security.TokenSeal}, bound to template and recipient), so
 * neither auth's outbox nor a queue or dead letter holds it; auth itself keeps only the token's hash.
 */
public record EmailNotification(
        String template, String to, String username, String language, String sealedToken, Instant expiresAt) {
    public static final String TYPE = "notification.email";
    public static final String VERIFY_EMAIL = "verify_email";
    public static final String RESET_PASSWORD = "reset_password";
}
