package eco2.workers.notification;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.security.TokenSeal;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code data} of a notification.email event, checked: one plain recipient address, a known template, a
 * username, a token sealed for this template and recipient ({@code sealed_token}, opened here with
 * {@code MAIL_TOKEN_KEY}) and an ISO-8601 expiry. Anything else is an {@link InvalidEmailEvent}.
 */
public record EmailRequest(
        EmailTemplate template,
        InternetAddress to,
        String username,
        Language language,
        String token,
        Instant expiresAt) {

    public static EmailRequest from(TokenSeal seal, JsonNode data) {
        if (data == null || !data.isObject()) throw new InvalidEmailEvent("data is not an object");
        EmailTemplate template = EmailTemplate.of(text(data, "template"));
        InternetAddress to = recipient(text(data, "to"));
        return new EmailRequest(
                template,
                to,
                text(data, "username"),
                Language.of(
                        data.path("language").isTextual()
                                ? data.path("language").asText()
                                : null),
                open(seal, text(data, "sealed_token"), template, to),
                instant(text(data, "expires_at")));
    }

    /** Another key, another mail's token, or a raw token where a sealed one belongs: no retry can fix it. */
    private static String open(TokenSeal seal, String sealed, EmailTemplate template, InternetAddress to) {
        try {
            return seal.open(sealed, TokenSeal.context(template.id, to.getAddress()));
        } catch (IllegalArgumentException e) {
            throw new InvalidEmailEvent("sealed_token " + e.getMessage());
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        if (!value.isTextual() || value.asText().isBlank()) throw new InvalidEmailEvent(field + " is missing");
        return value.asText().trim();
    }

    /** Only a bare address: a display name or a second address would let the sender choose more than the inbox. */
    private static InternetAddress recipient(String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            if (address.getPersonal() != null || !address.getAddress().equals(value)) {
                throw new InvalidEmailEvent("to is not a plain email address");
            }
            return address;
        } catch (AddressException e) {
            throw new InvalidEmailEvent("to is not a valid email address");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidEmailEvent("expires_at is not an ISO-8601 instant");
        }
    }
}
