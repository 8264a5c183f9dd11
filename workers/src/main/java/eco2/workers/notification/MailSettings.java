package eco2.workers.notification;

import eco2.common.config.Env;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.time.Duration;

/**
 * How mail leaves the worker: an SMTP relay when {@code smtpHost} is set, otherwise (dev) nothing leaves and the
 * messages go to the mailbox directory. The password is a secret: {@link #toString()} never shows it.
 */
public record MailSettings(
        String smtpHost,
        int smtpPort,
        boolean startTls,
        String username,
        String password,
        InternetAddress from,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout) {
    public static final String DEFAULT_FROM = "Eco² <no-reply@eco2.local>";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public static MailSettings fromEnv(Env env) {
        return new MailSettings(
                // Required like a secret in production: mail must not pile up unseen on a container's disk.
                env.secret("SMTP_HOST", null),
                env.integer("SMTP_PORT", 587),
                env.flag("SMTP_STARTTLS", true),
                env.optional("SMTP_USERNAME"),
                env.secret("SMTP_PASSWORD", null),
                address(env.get("MAIL_FROM", DEFAULT_FROM)),
                Duration.ofSeconds(env.integer("SMTP_CONNECT_TIMEOUT_SECONDS", 10)),
                Duration.ofSeconds(env.integer("SMTP_READ_TIMEOUT_SECONDS", 10)),
                Duration.ofSeconds(env.integer("SMTP_WRITE_TIMEOUT_SECONDS", 10)));
    }

    /** No SMTP server: every message is written to the mailbox directory (what dev gets with SMTP_HOST unset). */
    public static MailSettings mailboxOnly() {
        return new MailSettings(
                null, 587, true, null, null, address(DEFAULT_FROM), DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    public boolean smtpEnabled() {
        return smtpHost != null;
    }

    /**
     * Parses "Name &lt;address&gt;" strictly and re-encodes the name as UTF-8, so a name like "Eco²" is sent as an
     * RFC 2047 word instead of raw 8-bit bytes in the header.
     */
    public static InternetAddress address(String value) {
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException("MAIL_FROM is not a valid email address");
        }
    }

    @Override
    public String toString() {
        return "MailSettings[smtp=" + (smtpEnabled() ? smtpHost + ":" + smtpPort : "none") + ", startTls=" + startTls
                + ", username=" + username + ", password=" + (password == null ? "none" : "***") + ", from=" + from
                + "]";
    }
}
