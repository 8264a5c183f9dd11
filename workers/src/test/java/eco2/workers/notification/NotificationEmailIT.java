package eco2.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import eco2.common.testing.Await;
import eco2.common.testing.TestHttp;
import eco2.workers.TestSmtp;
import eco2.workers.WorkersTestApp;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** notification.email events, from the broker to a real SMTP server (GreenMail), through the whole worker. */
class NotificationEmailIT {
    static TestSmtp smtp;
    static WorkersTestApp workers;

    @BeforeAll
    static void start() throws Exception {
        smtp = TestSmtp.start();
        // Short delays: a malformed event reaches the dead-letter queue within the test's patience.
        workers = WorkersTestApp.start(
                smtp.settings(),
                List.of(Duration.ofMillis(100), Duration.ofMillis(200)),
                Files.createTempDirectory("eco2-mailbox-unused"));
    }

    @AfterAll
    static void stop() throws Exception {
        workers.close();
        smtp.close();
    }

    @Test
    void aKoreanVerificationMailArrivesWithBothPartsTheLinkAndAnEscapedUsername() throws Exception {
        String to = Mails.address("minji");
        UUID id = UUID.randomUUID();
        workers.publish(id, Mails.event("verify_email", to, "<b>kim</b>", "ko", "tok_Verify-123"));

        Await.until(() -> smtp.mailsTo(to).size() == 1);
        MimeMessage mail = smtp.mailsTo(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("Eco² 이메일 인증");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@eco2.local");
        assertThat(from.getPersonal()).isEqualTo("Eco²");
        assertThat(mail.getRecipients(MimeMessage.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly(to);
        assertThat(mail.getMessageID()).contains(id.toString());

        Mails.Parts parts = Mails.parts(mail);
        assertThat(parts.contentType()).startsWith("multipart/alternative");
        String link = "https://app.eco2.test/verify-email?token=tok_Verify-123";
        assertThat(parts.text()).contains(link, "<b>kim</b>님, 안녕하세요.", "2026년 11월 29일 오후 7:00 (한국 시간)");
        assertThat(parts.html())
                .contains("href=\"" + link + "\"", "&lt;b&gt;kim&lt;/b&gt;님", "24시간")
                .doesNotContain("<b>kim</b>");
        Await.until(() -> workers.processed(id));
    }

    @Test
    void anEnglishResetMailArrivesInEnglishWithItsOwnLink() throws Exception {
        String to = Mails.address("jane");
        workers.publish(UUID.randomUUID(), Mails.event("reset_password", to, "jane", "en", "reset+Tok/1"));

        Await.until(() -> smtp.mailsTo(to).size() == 1);
        MimeMessage mail = smtp.mailsTo(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("Reset your Eco² password");
        Mails.Parts parts = Mails.parts(mail);
        String link = "https://app.eco2.test/reset-password?token=reset%2BTok%2F1";
        assertThat(parts.text()).contains("Hello jane,", link, "29 November 2026, 10:00 UTC", "30 minutes");
        assertThat(parts.html()).contains("lang=\"en\"", "href=\"" + link + "\"", "Choose a new password");
    }

    @Test
    void noLanguageMeansKorean() throws Exception {
        String to = Mails.address("nolang");
        workers.publish(UUID.randomUUID(), Mails.event("reset_password", to, "dami", null, "t1"));

        Await.until(() -> smtp.mailsTo(to).size() == 1);
        MimeMessage mail = smtp.mailsTo(to).get(0);
        assertThat(mail.getSubject()).isEqualTo("Eco² 비밀번호 재설정");
        assertThat(Mails.parts(mail).text()).contains("dami님, 안녕하세요.", "30분");
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMail() throws Exception {
        String to = Mails.address("twice");
        UUID id = UUID.randomUUID();
        Map<String, Object> data = Mails.event("verify_email", to, "twice", "ko", "t-twice");
        workers.publish(id, data);
        workers.publish(id, data);
        // One queue, one consumer, in order: once a later event's mail is in, the replay has been dealt with.
        String marker = Mails.address("marker");
        workers.publish(UUID.randomUUID(), Mails.event("verify_email", marker, "marker", "ko", "t-marker"));

        Await.until(() -> smtp.mailsTo(marker).size() == 1);
        assertThat(smtp.mailsTo(to)).hasSize(1);
        assertThat(workers.processed(id)).isTrue();
    }

    @Test
    void aMalformedEventIsDeadLetteredAndTheNextOneStillGoesOut() throws Exception {
        UUID bad = UUID.randomUUID();
        Map<String, Object> noRecipient = Mails.event("verify_email", null, "ghost", "ko", "t-bad");
        workers.publish(bad, noRecipient);
        String to = Mails.address("after");
        workers.publish(UUID.randomUUID(), Mails.event("verify_email", to, "after", "ko", "t-after"));

        AtomicReference<GetResponse> parked = new AtomicReference<>();
        Await.until(() -> {
            parked.set(workers.takeDeadLetter());
            return parked.get() != null;
        });
        assertThat(new String(parked.get().getBody(), StandardCharsets.UTF_8)).contains(bad.toString());
        assertThat(parked.get().getProps().getHeaders().get("x-eco2-error").toString())
                .contains("to is missing");
        Await.until(() -> smtp.mailsTo(to).size() == 1);
        assertThat(workers.processed(bad)).isFalse();
    }

    @Test
    void aDeadLetteredMailHoldsOnlyTheSealedToken() throws Exception {
        String to = Mails.address("parked");
        UUID bad = UUID.randomUUID();
        Map<String, Object> event = Mails.event("reset_password", to, "parked", "en", "raw-Secret-Token-42");
        event.put("expires_at", "tomorrow"); // unfixable: parked at once
        workers.publish(bad, event);

        AtomicReference<GetResponse> parked = new AtomicReference<>();
        Await.until(() -> {
            parked.set(workers.takeDeadLetter());
            return parked.get() != null;
        });
        String body = new String(parked.get().getBody(), StandardCharsets.UTF_8);
        assertThat(body).contains(bad.toString(), "sealed_token").doesNotContain("raw-Secret-Token-42");
        assertThat(parked.get().getProps().getHeaders().toString()).doesNotContain("raw-Secret-Token-42");
        assertThat(parked.get().getProps().getExpiration())
                .as("dead letters expire")
                .isNotNull();
    }

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        TestHttp.Response ready = workers.http.get("/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().toString()).contains("postgres", "rabbitmq");
    }
}
