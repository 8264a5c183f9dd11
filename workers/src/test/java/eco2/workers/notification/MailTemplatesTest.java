package eco2.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four mails (two templates, two languages), each as text and HTML, rendered from the resource files. */
class MailTemplatesTest {
    private static final MailTemplates TEMPLATES = new MailTemplates(URI.create("https://eco2.example/"));
    private static final Instant EXPIRES = Instant.parse("2026-11-29T10:00:00Z");

    private static RenderedEmail render(EmailTemplate template, Language language, String username, String token)
            throws Exception {
        return TEMPLATES.render(
                new EmailRequest(template, new InternetAddress("a@example.com"), username, language, token, EXPIRES));
    }

    @ParameterizedTest
    @CsvSource({
        "VERIFY_EMAIL, KO, Eco² 이메일 인증, /verify-email, 24시간, 2026년 11월 29일 오후 7:00 (한국 시간)",
        "VERIFY_EMAIL, EN, Verify your Eco² email address, /verify-email, 24 hours, '29 November 2026, 10:00 UTC'",
        "RESET_PASSWORD, KO, Eco² 비밀번호 재설정, /reset-password, 30분, 2026년 11월 29일 오후 7:00 (한국 시간)",
        "RESET_PASSWORD, EN, Reset your Eco² password, /reset-password, 30 minutes, '29 November 2026, 10:00 UTC'"
    })
    void eachTemplateAndLanguageHasASubjectTheLinkAndTheExpiry(
            EmailTemplate template, Language language, String subject, String page, String validity, String expiry)
            throws Exception {
        RenderedEmail mail = render(template, language, "minji", "tok");

        String link = "https://eco2.example" + page + "?token=tok";
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text()).contains("minji", link, validity, expiry).doesNotContain("{{", "}}");
        assertThat(mail.html())
                .contains("<html lang=\"" + language.code + "\"", "minji", "href=\"" + link + "\"", validity, expiry)
                .doesNotContain("{{", "}}");
    }

    @Test
    void theUsernameIsEscapedInHtmlOnly() throws Exception {
        RenderedEmail mail = render(EmailTemplate.VERIFY_EMAIL, Language.KO, "<b>kim</b>", "tok");

        assertThat(mail.html()).contains("&lt;b&gt;kim&lt;/b&gt;님").doesNotContain("<b>kim</b>");
        assertThat(mail.text()).contains("<b>kim</b>님");
    }

    @Test
    void theTokenIsUrlEncodedInTheLink() throws Exception {
        RenderedEmail mail = render(EmailTemplate.RESET_PASSWORD, Language.EN, "kim", "a+b/c=d&e");

        assertThat(mail.text()).contains("https://eco2.example/reset-password?token=a%2Bb%2Fc%3Dd%26e");
    }

    @Test
    void seoulIsNineHoursAheadEvenAcrossMidnight() {
        Instant lateUtc = Instant.parse("2026-11-29T20:30:00Z");
        assertThat(Language.KO.formatExpiry(lateUtc)).isEqualTo("2026년 11월 30일 오전 5:30 (한국 시간)");
        assertThat(Language.EN.formatExpiry(lateUtc)).isEqualTo("29 November 2026, 20:30 UTC");
    }
}
