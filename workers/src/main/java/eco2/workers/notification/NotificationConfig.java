package eco2.workers.notification;

import eco2.common.config.Env;
import eco2.common.events.Subscription;
import eco2.common.security.TokenSeal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the notification worker reads from the environment. Tests build it directly, with their own queue and
 * short retry delays so an SMTP outage or a malformed event plays out within a test's patience.
 */
public record NotificationConfig(
        String queue,
        List<Duration> retryDelays,
        MailSettings mail,
        URI publicBaseUrl,
        Path mailboxDir,
        String tokenKey) {
    public static final String QUEUE = "workers.notification-email";
    public static final String DEFAULT_PUBLIC_BASE_URL = "http://localhost:8080";

    public NotificationConfig {
        retryDelays = List.copyOf(retryDelays);
        if (!publicBaseUrl.isAbsolute()
                || publicBaseUrl.getHost() == null
                || !List.of("http", "https").contains(publicBaseUrl.getScheme())) {
            throw new IllegalStateException("PUBLIC_BASE_URL must be an absolute http(s) URL");
        }
    }

    /** With the dev key for opening mailed tokens, as auth's tests and the dev launcher seal them. */
    public NotificationConfig(
            String queue, List<Duration> retryDelays, MailSettings mail, URI publicBaseUrl, Path mailboxDir) {
        this(queue, retryDelays, mail, publicBaseUrl, mailboxDir, TokenSeal.DEV_KEY);
    }

    public static NotificationConfig fromEnv(Env env) {
        return new NotificationConfig(
                QUEUE,
                Subscription.DEFAULT_DELAYS,
                MailSettings.fromEnv(env),
                baseUrl(env.get("PUBLIC_BASE_URL", DEFAULT_PUBLIC_BASE_URL)),
                Path.of(env.get("MAILBOX_DIR", ".eco2-dev/mailbox")),
                // Shared with auth, which seals the one-time tokens in mail events with it.
                env.secret("MAIL_TOKEN_KEY", TokenSeal.DEV_KEY));
    }

    private static URI baseUrl(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PUBLIC_BASE_URL must be an absolute http(s) URL");
        }
    }
}
