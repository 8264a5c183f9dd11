package eco2.location.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeoPointTest {
    @Test
    void roundingIsHalfUpAtTheGivenDecimals() {
        assertThat(new GeoPoint(37.56635, 126.97784).rounded(4)).isEqualTo(new GeoPoint(37.5664, 126.9778));
        assertThat(new GeoPoint(-37.56635, -126.97785).rounded(4)).isEqualTo(new GeoPoint(-37.5664, -126.9779));
    }

    @Test
    void keysHaveFixedDecimalsAndNoNegativeZero() {
        assertThat(new GeoPoint(37.5, 127).key(4)).isEqualTo("37.5000:127.0000");
        assertThat(new GeoPoint(-0.00001, -0.00004).key(4)).isEqualTo("0.0000:0.0000");
        assertThat(new GeoPoint(90, -180).key(5)).isEqualTo("90.00000:-180.00000");
    }
}
