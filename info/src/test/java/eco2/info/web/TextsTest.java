package eco2.info.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void normaliseTrimsCollapsesSpacesAndLowerCases() {
        assertThat(Texts.normalise("  PET\t Bottle \n")).isEqualTo("pet bottle");
        assertThat(Texts.normalise("투명   페트병")).isEqualTo("투명 페트병");
    }

    @Test
    void decomposedHangulFromAMacComparesEqual() {
        String decomposed = Normalizer.normalize("페트병", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("페트병");
        assertThat(Texts.normalise(decomposed)).isEqualTo("페트병");
        assertThat(Texts.compact(" 서울 특별시 ")).isEqualTo("서울특별시");
    }

    @Test
    void lengthCountsCharactersAndLettersCountHangulByLetter() {
        assertThat(Texts.length("😀가")).isEqualTo(2);
        assertThat(Texts.letters("캔")).isEqualTo(3);
        assertThat(Texts.letters("칫 솔")).isEqualTo(6);
        assertThat(Texts.letters("tv")).isEqualTo(2);
    }

    @Test
    void controlCharactersAreDetected() {
        assertThat(Texts.hasControlCharacters("a\u0000b")).isTrue();
        assertThat(Texts.hasControlCharacters("한 줄")).isFalse();
    }
}
