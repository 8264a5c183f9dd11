package eco2.location.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTextTest {
    @Test
    void utf8AndMs949AreBothReadAsKorean() {
        String text = "positnNm\n고양동 종합복지회관\n";
        assertThat(CsvText.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(CsvText.decode(text.getBytes(CsvText.MS949))).isEqualTo(text);
    }
}
