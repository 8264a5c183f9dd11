package eco2.workers.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev stand-in for SMTP: each mail becomes an .eml file (open it in any mail client, or copy the link out of
 * it), so sign-up and password reset work on a laptop with no mail server. Files appear whole: written under a
 * temporary name, then renamed.
 */
public final class MailboxDirectory implements MailTransport {
    private static final Logger log = LoggerFactory.getLogger(MailboxDirectory.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;

    public MailboxDirectory(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException, IOException {
        Files.createDirectories(directory);
        String name = STAMP.format(clock.instant()) + "-" + UUID.randomUUID() + ".eml";
        Path partial = directory.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        }
        Path file = directory.resolve(name);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        log.info("mail written to {}", file);
    }

    @Override
    public String describe() {
        return ".eml files in " + directory + " (SMTP_HOST is not set)";
    }
}
