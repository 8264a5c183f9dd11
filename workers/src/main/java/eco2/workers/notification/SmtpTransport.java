package eco2.workers.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * Sends through an SMTP relay, one connection per mail (the volume is sign-ups and password resets). Every
 * socket step has a timeout so a hanging server becomes a retry instead of a stuck consumer. With STARTTLS on it
 * is required, not merely tried: credentials and reset links never cross the network in clear text by accident.
 */
public final class SmtpTransport implements MailTransport {
    private final MailSettings settings;
    private final Session session;

    public SmtpTransport(MailSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.smtpHost());
        props.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
        props.put("mail.smtp.auth", Boolean.toString(settings.username() != null));
        props.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.connectiontimeout", millis(settings.connectTimeout()));
        props.put("mail.smtp.timeout", millis(settings.readTimeout()));
        props.put("mail.smtp.writetimeout", millis(settings.writeTimeout()));
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public String describe() {
        return "SMTP " + settings.smtpHost() + ":" + settings.smtpPort() + (settings.startTls() ? " (STARTTLS)" : "");
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
