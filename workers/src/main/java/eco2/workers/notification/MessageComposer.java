package eco2.workers.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/**
 * Turns a rendered mail into a MIME message: multipart/alternative with the plain text first and the HTML
 * second (clients show the last part they can display), everything UTF-8. The Message-ID comes from the event
 * id, so if a redelivery ever sends a mail twice, mail systems can tell it is the same one.
 */
public final class MessageComposer {
    // Only builds messages; the transports decide where they go.
    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from;
    private final Clock clock;

    public MessageComposer(InternetAddress from, Clock clock) {
        this.from = from;
        this.clock = clock;
    }

    public MimeMessage compose(UUID eventId, InternetAddress to, RenderedEmail mail) throws MessagingException {
        String messageId = "<" + eventId + "." + from.getAddress() + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}
