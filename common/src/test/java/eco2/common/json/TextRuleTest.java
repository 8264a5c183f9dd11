package eco2.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text rule: printable Unicode everywhere, tab and newlines only in multi-line fields, never controls. */
class TextRuleTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "mina", "페트병 🌱", "a b", "ü\u00a0é", "\u200b", "𝄞"})
    void printableTextIsFineEverywhere(String text) {
        assertThat(TextRule.problem(text, false)).isNull();
        assertThat(TextRule.problem(text, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\tb", "a\nb", "a\r\nb"})
    void tabAndNewlinesOnlyInMultiLineText(String text) {
        assertThat(TextRule.problem(text, false)).isEqualTo(TextRule.CONTROL);
        assertThat(TextRule.problem(text, true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0007", "a\u001bb", "\u007f", "\u0085", "\u009f", "\u000b", "\f"})
    void otherControlsAreRefusedEverywhere(String text) {
        assertThat(TextRule.problem(text, false)).isEqualTo(TextRule.CONTROL);
        assertThat(TextRule.problem(text, true)).isEqualTo(TextRule.CONTROL_MULTI_LINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\ud800b", "a\udc00b", "\ud800", "\udfff\ud800", "ok\ud83c"})
    void loneSurrogatesAreRefusedEverywhere(String text) {
        assertThat(TextRule.problem(text, false)).isEqualTo(TextRule.SURROGATE);
        assertThat(TextRule.problem(text, true)).isEqualTo(TextRule.SURROGATE);
    }
}
