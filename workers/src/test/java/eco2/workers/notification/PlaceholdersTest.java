package eco2.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholder filling: text verbatim, HTML escaped, no placeholder left behind. */
class PlaceholdersTest {
    @Test
    void textValuesGoInVerbatimEvenWhenTheyLookLikeRegexReplacements() {
        assertThat(Placeholders.text("Hi {{username}}, {{ link }}!", Map.of("username", "<b>$1\\kim</b>", "link", "x")))
                .isEqualTo("Hi <b>$1\\kim</b>, x!");
    }

    @Test
    void htmlValuesAreEscaped() {
        assertThat(Placeholders.html("<p title=\"{{v}}\">{{v}}</p>", Map.of("v", "<b>\"kim\" & 'lee'</b>")))
                .isEqualTo("<p title=\"&lt;b&gt;&quot;kim&quot; &amp; &#39;lee&#39;&lt;/b&gt;\">"
                        + "&lt;b&gt;&quot;kim&quot; &amp; &#39;lee&#39;&lt;/b&gt;</p>");
    }

    @Test
    void aValueIsNeverReadAsAPlaceholderItself() {
        assertThat(Placeholders.text("{{a}} {{b}}", Map.of("a", "{{b}}", "b", "B")))
                .isEqualTo("{{b}} B");
    }

    @Test
    void aPlaceholderWithoutAValueIsATemplateBug() {
        assertThatThrownBy(() -> Placeholders.text("Hi {{nickname}}", Map.of("username", "kim")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nickname");
    }
}
