package eco2.workers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanTest {
    @ParameterizedTest
    @CsvSource({"페트병,페트병은,페트병으로", "유리,유리는,유리로", "플라스틱,플라스틱은,플라스틱으로", "음식물,음식물은,음식물로", "PET,PET는,PET로"})
    void particlesFollowTheLastSyllable(String word, String topic, String direction) {
        assertThat(Korean.topic(word)).isEqualTo(topic);
        assertThat(Korean.direction(word)).isEqualTo(direction);
    }
}
