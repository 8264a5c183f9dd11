package eco2.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eco2.common.security.TokenSeal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a notification.email event: the contract with auth, checked field by field. */
class EmailRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenSeal SEAL = TokenSeal.fromBase64("MAIL_TOKEN_KEY", TokenSeal.DEV_KEY);

    private static ObjectNode valid() {
        return JSON.createObjectNode()
                .put("template", "verify_email")
                .put("to", "minji@example.com")
                .put("username", "minji")
                .put("language", "ko")
                .put("sealed_token", SEAL.seal("abc-DEF_123", TokenSeal.context("verify_email", "minji@example.com")))
                .put("expires_at", "2026-11-29T10:00:00Z");
    }

    @Test
    void aValidEventIsReadCompletely() {
        EmailRequest request = EmailRequest.from(SEAL, valid());

        assertThat(request.template()).isEqualTo(EmailTemplate.VERIFY_EMAIL);
        assertThat(request.to().getAddress()).isEqualTo("minji@example.com");
        assertThat(request.username()).isEqualTo("minji");
        assertThat(request.language()).isEqualTo(Language.KO);
        assertThat(request.token()).isEqualTo("abc-DEF_123");
        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"en, EN", "EN, EN", "en-US, EN", "en_GB, EN", "ko, KO", "ko-KR, KO", "fr, KO", "'', KO"})
    void languagesOtherThanEnglishFallBackToKorean(String tag, Language expected) {
        assertThat(EmailRequest.from(SEAL, valid().put("language", tag)).language())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    void aNullOrMissingLanguageIsKorean(String tag) {
        assertThat(EmailRequest.from(SEAL, valid().put("language", tag)).language())
                .isEqualTo(Language.KO);
        ObjectNode without = valid();
        without.remove("language");
        assertThat(EmailRequest.from(SEAL, without).language()).isEqualTo(Language.KO);
    }

    @Test
    void aRawTokenAnotherMailsTokenOrAnotherKeyIsAPermanentFailure() {
        // A raw token where the sealed one belongs: auth never sends one, so it is refused rather than mailed.
        assertThatThrownBy(() -> EmailRequest.from(SEAL, valid().put("sealed_token", "abc-DEF_123")))
                .isInstanceOf(InvalidEmailEvent.class);
        // Someone's reset token pasted into an event addressed to the attacker does not open.
        String victims = SEAL.seal("victim-token", TokenSeal.context("reset_password", "victim@example.com"));
        assertThatThrownBy(() -> EmailRequest.from(
                        SEAL,
                        valid().put("template", "reset_password")
                                .put("to", "mallory@example.com")
                                .put("sealed_token", victims)))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessageNotContaining("victim-token");
        TokenSeal other = TokenSeal.fromBase64(
                "MAIL_TOKEN_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> EmailRequest.from(other, valid())).isInstanceOf(InvalidEmailEvent.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"template", "to", "username", "sealed_token", "expires_at"})
    void aMissingFieldIsAPermanentFailureNamingIt(String field) {
        ObjectNode data = valid();
        data.remove(field);
        assertThatThrownBy(() -> EmailRequest.from(SEAL, data))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessageContaining(field);
        assertThatThrownBy(() -> EmailRequest.from(SEAL, valid().put(field, "  ")))
                .isInstanceOf(InvalidEmailEvent.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-an-address",
                "a@b.com, c@d.com",
                "Mallory <m@example.com>",
                "m@example.com\r\nBcc: x@y.z",
                "@example.com",
                "minji@",
                "mi nji@example.com"
            })
    void aRecipientThatIsNotOnePlainAddressIsRefusedWithoutEchoingIt(String to) {
        assertThatThrownBy(() -> EmailRequest.from(SEAL, valid().put("to", to)))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessageStartingWith("to is not");
        assertThatThrownBy(() -> EmailRequest.from(SEAL, valid().put("to", to)))
                .message()
                .doesNotContain("example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "VERIFY_EMAIL", "verify-email"})
    void anUnknownTemplateIsRefused(String template) {
        assertThatThrownBy(() -> EmailRequest.from(SEAL, valid().put("template", template)))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessage("unknown template");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-11-29", "2026-11-29 10:00"})
    void anExpiryThatIsNotAnInstantIsRefused(String expiresAt) {
        assertThatThrownBy(() -> EmailRequest.from(SEAL, valid().put("expires_at", expiresAt)))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessageContaining("expires_at");
    }

    @Test
    void dataThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> EmailRequest.from(SEAL, JSON.getNodeFactory().textNode("hi")))
                .isInstanceOf(InvalidEmailEvent.class);
        assertThatThrownBy(() -> EmailRequest.from(SEAL, null)).isInstanceOf(InvalidEmailEvent.class);
        assertThatThrownBy(() -> EmailRequest.from(SEAL, valid().put("to", 42))).isInstanceOf(InvalidEmailEvent.class);
    }
}
