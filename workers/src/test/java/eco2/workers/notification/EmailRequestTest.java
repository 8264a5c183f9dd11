package eco2.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a notification.email event: the contract with auth, checked field by field. */
class EmailRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode valid() {
        return JSON.createObjectNode()
                .put("template", "verify_email")
                .put("to", "minji@example.com")
                .put("username", "minji")
                .put("language", "ko")
                .put("token", "abc-DEF_123")
                .put("expires_at", "2026-11-29T10:00:00Z");
    }

    @Test
    void aValidEventIsReadCompletely() {
        EmailRequest request = EmailRequest.from(valid());

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
        assertThat(EmailRequest.from(valid().put("language", tag)).language()).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    void aNullOrMissingLanguageIsKorean(String tag) {
        assertThat(EmailRequest.from(valid().put("language", tag)).language()).isEqualTo(Language.KO);
        ObjectNode without = valid();
        without.remove("language");
        assertThat(EmailRequest.from(without).language()).isEqualTo(Language.KO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"template", "to", "username", "token", "expires_at"})
    void aMissingFieldIsAPermanentFailureNamingIt(String field) {
        ObjectNode data = valid();
        data.remove(field);
        assertThatThrownBy(() -> EmailRequest.from(data))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessageContaining(field);
        assertThatThrownBy(() -> EmailRequest.from(valid().put(field, "  "))).isInstanceOf(InvalidEmailEvent.class);
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
        assertThatThrownBy(() -> EmailRequest.from(valid().put("to", to)))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessageStartingWith("to is not");
        assertThatThrownBy(() -> EmailRequest.from(valid().put("to", to)))
                .message()
                .doesNotContain("example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "VERIFY_EMAIL", "verify-email"})
    void anUnknownTemplateIsRefused(String template) {
        assertThatThrownBy(() -> EmailRequest.from(valid().put("template", template)))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessage("unknown template");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-11-29", "2026-11-29 10:00"})
    void anExpiryThatIsNotAnInstantIsRefused(String expiresAt) {
        assertThatThrownBy(() -> EmailRequest.from(valid().put("expires_at", expiresAt)))
                .isInstanceOf(InvalidEmailEvent.class)
                .hasMessageContaining("expires_at");
    }

    @Test
    void dataThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> EmailRequest.from(JSON.getNodeFactory().textNode("hi")))
                .isInstanceOf(InvalidEmailEvent.class);
        assertThatThrownBy(() -> EmailRequest.from(null)).isInstanceOf(InvalidEmailEvent.class);
        assertThatThrownBy(() -> EmailRequest.from(valid().put("to", 42))).isInstanceOf(InvalidEmailEvent.class);
    }
}
