package eco2.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eco2.common.config.Env;
import eco2.common.events.Subscription;
import eco2.workers.notification.MailSettings;
import eco2.workers.notification.NotificationConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The workers config: dev defaults write mail to a folder; production refuses to start without SMTP. */
class WorkersConfigTest {
    @Test
    void devDefaultsNeedNoEnvironmentAndWriteMailToTheMailbox() {
        Env env = new Env(Map.of());
        WorkersConfig config = WorkersConfig.fromEnv(env);
        env.requireComplete();

        assertThat(config.http().port()).isEqualTo(8085);
        assertThat(config.db().schema()).isEqualTo("notification");
        assertThat(config.db().user()).isEqualTo("notification");
        NotificationConfig notification = config.notification();
        assertThat(notification.queue()).isEqualTo("workers.notification-email");
        assertThat(notification.retryDelays()).isEqualTo(Subscription.DEFAULT_DELAYS);
        assertThat(notification.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(notification.mailboxDir()).isEqualTo(Path.of(".eco2-dev/mailbox"));
        MailSettings mail = notification.mail();
        assertThat(mail.smtpEnabled()).isFalse();
        assertThat(mail.smtpPort()).isEqualTo(587);
        assertThat(mail.startTls()).isTrue();
        assertThat(mail.username()).isNull();
        assertThat(mail.password()).isNull();
        assertThat(mail.from().getAddress()).isEqualTo("no-reply@eco2.local");
        assertThat(mail.from().getPersonal()).isEqualTo("Eco²");
        assertThat(mail.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(mail.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(mail.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyMailSettingComesFromTheEnvironment() {
        Env env = new Env(Map.ofEntries(
                Map.entry("SMTP_HOST", "smtp.example.com"),
                Map.entry("SMTP_PORT", "2525"),
                Map.entry("SMTP_STARTTLS", "false"),
                Map.entry("SMTP_USERNAME", "mailer"),
                Map.entry("SMTP_PASSWORD", "s3cret"),
                Map.entry("MAIL_FROM", "Eco² 알림 <hello@eco2.example>"),
                Map.entry("PUBLIC_BASE_URL", "https://eco2.example"),
                Map.entry("MAILBOX_DIR", "/tmp/mail"),
                Map.entry("SMTP_CONNECT_TIMEOUT_SECONDS", "3"),
                Map.entry("SMTP_READ_TIMEOUT_SECONDS", "4"),
                Map.entry("SMTP_WRITE_TIMEOUT_SECONDS", "5")));
        NotificationConfig notification = WorkersConfig.fromEnv(env).notification();

        MailSettings mail = notification.mail();
        assertThat(mail.smtpEnabled()).isTrue();
        assertThat(mail.smtpHost()).isEqualTo("smtp.example.com");
        assertThat(mail.smtpPort()).isEqualTo(2525);
        assertThat(mail.startTls()).isFalse();
        assertThat(mail.username()).isEqualTo("mailer");
        assertThat(mail.password()).isEqualTo("s3cret");
        assertThat(mail.from().getAddress()).isEqualTo("hello@eco2.example");
        assertThat(mail.from().getPersonal()).isEqualTo("Eco² 알림");
        assertThat(mail.from().toString())
                .isEqualTo(mail.from().toString().replaceAll("[^\\x20-\\x7e]", ""))
                .as("the display name is RFC 2047 encoded, not raw UTF-8 in a header");
        assertThat(mail.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(mail.readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(mail.writeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(notification.publicBaseUrl()).isEqualTo(URI.create("https://eco2.example"));
        assertThat(notification.mailboxDir()).isEqualTo(Path.of("/tmp/mail"));
    }

    @Test
    void theSmtpPasswordIsNeverPrinted() {
        MailSettings mail = WorkersConfig.fromEnv(new Env(Map.of(
                        "SMTP_HOST", "smtp.example.com", "SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "s3cret-value")))
                .notification()
                .mail();

        assertThat(mail.toString()).doesNotContain("s3cret-value").contains("smtp.example.com", "***");
    }

    @Test
    void productionWithoutSmtpStopsNamingTheMissingSettingsButNotValues() {
        Env env = new Env(Map.of(
                "ECO2_ENV",
                "production",
                "DB_PASSWORD",
                "db-secret",
                "AMQP_URL",
                "amqp://x:y@mq/eco2",
                "SMTP_USERNAME",
                "mailer"));
        WorkersConfig config = WorkersConfig.fromEnv(env);

        assertThat(config.db().bootstrap()).isFalse();
        assertThatThrownBy(env::requireComplete)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SMTP_PASSWORD")
                .hasMessageContaining("SMTP_HOST")
                .hasMessageContaining("SCAN_TICKET_SECRET")
                .hasMessageContaining("MAIL_TOKEN_KEY")
                .hasMessageNotContaining("db-secret");
    }

    @Test
    void productionWithSmtpAndSecretsStarts() {
        Env env = new Env(Map.of(
                "ECO2_ENV",
                "production",
                "DB_PASSWORD",
                "db-secret",
                "AMQP_URL",
                "amqp://x:y@mq/eco2",
                "SMTP_HOST",
                "smtp.example.com",
                "SMTP_USERNAME",
                "mailer",
                "SMTP_PASSWORD",
                "s3cret",
                "SCAN_TICKET_SECRET",
                "ticket-secret",
                "MAIL_TOKEN_KEY",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        WorkersConfig config = WorkersConfig.fromEnv(env);
        env.requireComplete();

        assertThat(config.notification().mail().password()).isEqualTo("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an address", "a@b.c, d@e.f", "<>"})
    void aBrokenSenderAddressStopsStartUp(String from) {
        assertThatThrownBy(() -> WorkersConfig.fromEnv(new Env(Map.of("MAIL_FROM", from))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MAIL_FROM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8080", "/relative", "ftp://eco2.example", "http://"})
    void aBaseUrlThatCannotMakeLinksStopsStartUp(String url) {
        assertThatThrownBy(() -> WorkersConfig.fromEnv(new Env(Map.of("PUBLIC_BASE_URL", url))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUBLIC_BASE_URL");
    }
}
