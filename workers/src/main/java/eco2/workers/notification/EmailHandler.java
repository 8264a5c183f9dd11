package eco2.workers.notification;

import eco2.common.events.EventEnvelope;
import eco2.common.events.EventHandler;
import eco2.common.security.TokenSeal;
import jakarta.mail.internet.MimeMessage;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code notification.email} → one mail. The send happens inside the consumer's transaction, which only holds
 * the processed_events row: the event is acked after the transport accepted the mail, and a failed send rolls
 * that row back and retries. A mail the server took just before the commit failed would go out twice; that
 * at-least-once edge is accepted, a lost verification mail is not.
 */
public final class EmailHandler implements EventHandler {
    public static final String TYPE = "notification.email";
    private static final Logger log = LoggerFactory.getLogger(EmailHandler.class);

    private final MailTemplates templates;
    private final MessageComposer composer;
    private final MailTransport transport;
    private final TokenSeal seal;

    public EmailHandler(MailTemplates templates, MessageComposer composer, MailTransport transport, TokenSeal seal) {
        this.templates = templates;
        this.composer = composer;
        this.transport = transport;
        this.seal = seal;
    }

    @Override
    public void handle(Handle transaction, EventEnvelope event) throws Exception {
        EmailRequest request = EmailRequest.from(seal, event.data());
        MimeMessage message = composer.compose(event.id(), request.to(), templates.render(request));
        transport.send(message);
        log.info("{} mail ({}) for event {} accepted", request.template().id, request.language().code, event.id());
    }
}
