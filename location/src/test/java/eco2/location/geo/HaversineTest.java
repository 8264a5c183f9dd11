package eco2.location.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Distances worked out by hand on the 6,371,008.8 m sphere. */
class HaversineTest {
    @Test
    void knownDistances() {
        assertThat(Haversine.metres(37.5663, 126.9779, 37.5663, 126.9779)).isZero();
        assertThat(Haversine.metres(37.5663, 126.9779, 37.5673, 126.9779)).isCloseTo(111.19508, within(1e-4));
        assertThat(Haversine.metres(37.5663, 126.9779, 35.1798, 129.0750))
                .isCloseTo(325_049.56, within(0.01)); // to Busan
        assertThat(Haversine.metres(90, 0, -90, 0)).isCloseTo(Math.PI * Haversine.EARTH_RADIUS_M, within(1e-6));
    }

    @Test
    void theShortWayAroundTheAntimeridianAndOverThePole() {
        assertThat(Haversine.metres(0, 179.5, 0, -179.5)).isCloseTo(111_195.08, within(0.01));
        assertThat(Haversine.metres(89, 0, 89, 180)).isCloseTo(222_390.16, within(0.01));
    }

    @Test
    void distancesAreRoundedToDecimetres() {
        assertThat(Haversine.rounded(111.19508)).isEqualTo(111.2);
        assertThat(Haversine.rounded(0.04)).isEqualTo(0.0);
    }
}
