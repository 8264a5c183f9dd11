package eco2.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev mailbox: composed mail round-trips through an .eml file, whole and readable by any mail parser. */
class MailboxDirectoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void aComposedMailIsWrittenAsAnEmlFileThatParsesBack() throws Exception {
        Path dir = temp.resolve("not-yet-created");
        MailboxDirectory mailbox = new MailboxDirectory(dir, CLOCK);
        MessageComposer composer = new MessageComposer(MailSettings.address(MailSettings.DEFAULT_FROM), CLOCK);
        UUID eventId = UUID.randomUUID();
        RenderedEmail rendered = new RenderedEmail(
                "Eco² 이메일 인증",
                "링크: https://x.test/verify-email?token=t1",
                "<a href=\"https://x.test/verify-email?token=t1\">인증</a>");

        mailbox.send(composer.compose(eventId, new InternetAddress("minji@example.com"), rendered));

        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString())
                .startsWith("20261128-100000-")
                .endsWith(".eml");
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(parsed.getSubject()).isEqualTo("Eco² 이메일 인증");
        assertThat(parsed.getMessageID()).isEqualTo("<" + eventId + ".no-reply@eco2.local>");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
        Mails.Parts parts = Mails.parts(parsed);
        assertThat(parts.text()).isEqualTo("링크: https://x.test/verify-email?token=t1");
        assertThat(parts.html()).contains("href=\"https://x.test/verify-email?token=t1\"");
        assertThat(mailbox.describe()).contains(dir.toAbsolutePath().toString());
    }
}
