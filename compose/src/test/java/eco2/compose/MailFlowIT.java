package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import eco2.auth.AuthConfig;
import eco2.auth.AuthModule;
import eco2.auth.TestAuth;
import eco2.auth.keys.KeyRing;
import eco2.auth.keys.KeyRingLoader;
import eco2.common.embedded.FreePorts;
import eco2.common.events.AmqpSettings;
import eco2.common.events.Subscription;
import eco2.common.http.HttpApp;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.Await;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.workers.WorkersConfig;
import eco2.workers.WorkersModule;
import eco2.workers.chat.ChatConfig;
import eco2.workers.llm.LlmSettings;
import eco2.workers.notification.MailSettings;
import eco2.workers.notification.NotificationConfig;
import eco2.workers.scan.ScanConfig;
import io.javalin.Javalin;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verification and reset from end to end, as a user lives them: auth's outbox publishes notification.email on
 * the real broker, the notification worker sends it through a real SMTP server (GreenMail), and the link's token
 * read back out of the received mail completes the flow over HTTP.
 */
class MailFlowIT {
    static final String BASE = "https://app.eco2.test";
    static final String PASSWORD = "correct horse battery";
    static GreenMail smtp;
    static Infra infra;
    static Javalin app;
    static TestHttp http;
    static AmqpSettings amqp;
    static List<String> queues;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePorts.pick();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        TestServices services = TestServices.get();
        services.flushRedis();
        String database = services.freshDatabase();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(services.amqpUri(), "eco2.events.test." + tag);
        queues = List.of("auth.user-deleted.test." + tag, "workers.notification-email.test." + tag);
        RateLimitSettings limits = TestAuth.noLimits();
        AuthConfig auth = TestAuth.config(database, services.redisUri(), amqp, queues.get(0), limits);
        Duration timeout = Duration.ofSeconds(2);
        MailSettings mail = new MailSettings(
                "127.0.0.1",
                port,
                false,
                null,
                null,
                MailSettings.address(MailSettings.DEFAULT_FROM),
                timeout,
                timeout,
                timeout);
        WorkersConfig workers = new WorkersConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "notification"),
                amqp,
                new NotificationConfig(
                        queues.get(1),
                        Subscription.DEFAULT_DELAYS,
                        mail,
                        URI.create(BASE),
                        Files.createTempDirectory("eco2-mailbox")),
                ScanConfig.forTests(
                        services.dbSettings(database, "scan"),
                        services.dbSettings(database, "character"),
                        services.redisUri(),
                        URI.create("http://127.0.0.1:9/"),
                        LlmSettings.offline(),
                        UUID.randomUUID().toString().substring(0, 8)),
                ChatConfig.forTests(
                        services.dbSettings(database, "chat"),
                        URI.create("http://127.0.0.1:9/"),
                        UUID.randomUUID().toString().substring(0, 8)));
        KeyRing keys = KeyRingLoader.load(null, null, auth.devKeyFile());
        infra = Infra.create(services.redisUri(), keys, TestAuth.ISSUER, limits, Clock.systemUTC());
        app = HttpApp.create(
                        "mail flow",
                        HttpSettings.forTests(),
                        infra,
                        List.of(AuthModule.create(auth, infra, keys), WorkersModule.create(workers, infra)))
                .start(0);
        http = new TestHttp(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
        infra.close();
        smtp.stop();
        TestBroker.deleteQueuesAndExchange(amqp.exchange(), queues.toArray(String[]::new));
    }

    @Test
    void aVerificationMailIsReceivedAndItsLinkVerifiesTheAccount() throws Exception {
        String email = register("verify");
        String access = login(email, PASSWORD).json().get("access_token").asText();
        TestHttp.Response requested = http.postJson(
                "/api/v1/auth/verify-email/request",
                "",
                "Authorization",
                TestHttp.bearer(access),
                "Accept-Language",
                "ko-KR");
        assertThat(requested.status()).isEqualTo(202);

        MimeMessage received = awaitMail(email);
        assertThat(received.getSubject()).contains("이메일 인증");
        String token = linkToken(received, "/verify-email");
        TestHttp.Response verified = http.postJson("/api/v1/auth/verify-email", TestHttp.json(Map.of("token", token)));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/auth/me", "Authorization", TestHttp.bearer(access))
                        .json()
                        .get("is_verified")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aResetMailIsReceivedAndItsLinkReplacesThePasswordAndEndsOldSessions() throws Exception {
        String email = register("reset");
        String oldRefresh = login(email, PASSWORD).json().get("refresh_token").asText();
        TestHttp.Response requested = http.postJson(
                "/api/v1/auth/reset-password/request", TestHttp.json(Map.of("email", email)), "Accept-Language", "en");
        assertThat(requested.status()).isEqualTo(202);

        MimeMessage received = awaitMail(email);
        assertThat(received.getSubject()).containsIgnoringCase("password");
        String token = linkToken(received, "/reset-password");
        TestHttp.Response reset = http.postJson(
                "/api/v1/auth/reset-password",
                TestHttp.json(Map.of("token", token, "new_password", "a new passphrase")));
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertThat(login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(login(email, "a new passphrase").status()).isEqualTo(200);
        assertThat(http.postJson("/api/v1/auth/refresh", TestHttp.json(Map.of("refresh_token", oldRefresh)))
                        .status())
                .isEqualTo(401);
    }

    private static String register(String prefix) {
        String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.com";
        TestHttp.Response created = http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of("email", email, "username", username, "password", PASSWORD)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return email;
    }

    private static TestHttp.Response login(String email, String password) {
        return http.postJson("/api/v1/auth/login", TestHttp.json(Map.of("email", email, "password", password)));
    }

    private static MimeMessage awaitMail(String email) throws InterruptedException {
        Await.until(() -> mailsTo(email).length > 0);
        MimeMessage[] mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        return mails[0];
    }

    private static MimeMessage[] mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(email))
                .toArray(MimeMessage[]::new);
    }

    private static jakarta.mail.Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain alternative (the transfer encoding may wrap or escape the raw body). */
    private static String plainText(MimeMessage mail) throws Exception {
        MimeMultipart alternatives = (MimeMultipart) mail.getContent();
        for (int i = 0; i < alternatives.getCount(); i++) {
            if (alternatives.getBodyPart(i).isMimeType("text/plain"))
                return (String) alternatives.getBodyPart(i).getContent();
        }
        throw new AssertionError("no text/plain part");
    }

    /** The token of the link to {@code BASE + path} in the mail's text, as the user's click would carry it. */
    private static String linkToken(MimeMessage mail, String path) throws Exception {
        String body = plainText(mail);
        Matcher link = Pattern.compile(Pattern.quote(BASE + path) + "\\?token=([A-Za-z0-9%_.~-]+)")
                .matcher(body);
        assertThat(link.find()).as("a link to " + path + " in:\n" + body).isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }
}
