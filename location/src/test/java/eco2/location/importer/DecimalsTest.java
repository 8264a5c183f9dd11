package eco2.location.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {
    @ParameterizedTest
    @ValueSource(strings = {"37.45255496043788?", "127.7.23106", "", "1e2", "NaN", "37,5", " 37.5", "0x10", "1234.5"})
    void typosAreNotNumbers(String text) {
        assertThat(Decimals.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"37.7025454", "-33", "+126.9", "0", "180.000000"})
    void plainDecimalsAre(String text) {
        assertThat(Decimals.parse(text)).isEqualTo(Double.parseDouble(text));
    }
}
