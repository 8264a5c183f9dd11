package eco2.auth.mail;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthTestApp;
import eco2.common.testing.EventTap;
import java.io.IOException;

/** An auth app and a tap on its notification.email events: what the mail worker would receive. */
final class MailedAuth implements AutoCloseable {
    final AuthTestApp auth;
    private final EventTap mails;

    private MailedAuth(AuthTestApp auth, EventTap mails) {
        this.auth = auth;
        this.mails = mails;
    }

    static MailedAuth start() throws Exception {
        AuthTestApp auth = AuthTestApp.start();
        return new MailedAuth(auth, EventTap.bind(auth.config.amqp().exchange(), EmailNotification.TYPE));
    }

    /** The data of the next mail to {@code email}. */
    JsonNode mailTo(String email) throws Exception {
        return mails.next(e -> e.path("data").path("to").asText().equals(email)).get("data");
    }

    @Override
    public void close() throws IOException {
        mails.close();
        auth.close();
    }
}
