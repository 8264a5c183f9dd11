package eco2.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.security.TokenSeal;

/** Opens the one-time token of a notification.email event's data, as the notification worker does (dev key). */
public final class MailTokens {
    private static final TokenSeal DEV = TokenSeal.fromBase64("MAIL_TOKEN_KEY", TokenSeal.DEV_KEY);

    private MailTokens() {}

    public static String open(JsonNode data) {
        return DEV.open(
                data.get("sealed_token").asText(),
                TokenSeal.context(data.get("template").asText(), data.get("to").asText()));
    }
}
