package eco2.workers.notification;

import eco2.common.security.TokenSeal;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test helpers: events as auth sends them, and a received mail taken apart into what a reader sees. */
final class Mails {
    private Mails() {}

    static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Auth's dev key, which the test workers open tokens with. */
    static final TokenSeal SEAL = TokenSeal.fromBase64("MAIL_TOKEN_KEY", TokenSeal.DEV_KEY);

    /** The data auth sends: the token sealed for this template and recipient. */
    static Map<String, Object> event(String template, String to, String username, String language, String token) {
        Map<String, Object> data = new HashMap<>(); // HashMap: language may be null
        data.put("template", template);
        data.put("to", to);
        data.put("username", username);
        data.put("language", language);
        data.put("sealed_token", SEAL.seal(token, TokenSeal.context(template, to)));
        data.put("expires_at", "2026-11-29T10:00:00Z");
        return data;
    }

    /** The mail's parts; fails unless it is multipart/alternative with plain text first and HTML second. */
    record Parts(String contentType, String text, String html) {}

    static Parts parts(MimeMessage message) throws Exception {
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        if (alternative.getCount() != 2 || !text.isMimeType("text/plain") || !html.isMimeType("text/html")) {
            throw new AssertionError("not text + html: " + alternative.getContentType());
        }
        return new Parts(message.getContentType(), (String) text.getContent(), (String) html.getContent());
    }
}
