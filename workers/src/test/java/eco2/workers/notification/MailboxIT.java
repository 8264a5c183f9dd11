package eco2.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.common.testing.Await;
import eco2.workers.WorkersTestApp;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dev mode, no SMTP_HOST: the worker writes each mail as an .eml file a developer can open. */
class MailboxIT {
    static Path mailbox;
    static WorkersTestApp workers;

    @BeforeAll
    static void start() throws Exception {
        mailbox = Files.createTempDirectory("eco2-mailbox").resolve("mail");
        workers = WorkersTestApp.start(MailSettings.mailboxOnly(), List.of(), mailbox);
    }

    @AfterAll
    static void stop() throws Exception {
        workers.close();
    }

    @Test
    void aMailBecomesAParseableEmlFileWithTheLink() throws Exception {
        String to = Mails.address("devmail");
        UUID id = UUID.randomUUID();
        workers.publish(id, Mails.event("verify_email", to, "dev", "en", "tok-dev"));

        Await.until(() -> workers.processed(id));
        List<Path> files = files();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).endsWith(".eml");
        MimeMessage mail;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            mail = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(mail.getSubject()).isEqualTo("Verify your Eco² email address");
        assertThat(mail.getRecipients(MimeMessage.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly(to);
        Mails.Parts parts = Mails.parts(mail);
        assertThat(parts.text()).contains("https://app.eco2.test/verify-email?token=tok-dev");
        assertThat(parts.html()).contains("href=\"https://app.eco2.test/verify-email?token=tok-dev\"");
        assertThat(workers.module.mailReport())
                .contains(mailbox.toAbsolutePath().toString());
    }

    private static List<Path> files() throws Exception {
        try (Stream<Path> listing = Files.list(mailbox)) {
            return listing.toList();
        }
    }
}
