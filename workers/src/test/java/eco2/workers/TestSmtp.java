package eco2.workers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eco2.common.embedded.FreePorts;
import eco2.workers.notification.MailSettings;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for tests: GreenMail on a free loopback port, with the account the worker logs in as, so
 * the tests go through the same connect, AUTH and DATA steps as production.
 */
public final class TestSmtp implements AutoCloseable {
    public static final String USER = "eco2-mailer";
    public static final String PASSWORD = "smtp-test-secret";

    public final GreenMail server;
    public final int port;

    private TestSmtp(GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    public static TestSmtp start() {
        int port = FreePorts.pick();
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.setUser("eco2-mailer@eco2.local", USER, PASSWORD);
        server.start();
        return new TestSmtp(server, port);
    }

    /** Settings that reach this server (or a proxy in front of it, on {@code port}), logged in, without TLS. */
    public static MailSettings settings(int port) {
        Duration timeout = Duration.ofSeconds(2);
        return new MailSettings(
                "127.0.0.1",
                port,
                false,
                USER,
                PASSWORD,
                MailSettings.address(MailSettings.DEFAULT_FROM),
                timeout,
                timeout,
                timeout);
    }

    public MailSettings settings() {
        return settings(port);
    }

    /** Every mail received for {@code address}; tests use an address of their own, so they never see each other's. */
    public List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> isFor(m, address))
                .toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
