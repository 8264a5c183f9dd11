package eco2.workers.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/**
 * Where composed mail goes: an SMTP server in production, a folder of .eml files in dev. Returning normally
 * means the mail is safe (accepted by the server, or on disk); throwing makes the consumer retry the event.
 */
public interface MailTransport {
    void send(MimeMessage message) throws MessagingException, IOException;

    /** One line for start-up banners and logs; never contains credentials. */
    String describe();
}
