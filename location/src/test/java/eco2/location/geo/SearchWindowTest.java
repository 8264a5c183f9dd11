package eco2.location.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prefilter must never lose a point of the circle, wherever the circle is. */
class SearchWindowTest {
    @ParameterizedTest(name = "{0},{1} r={2}")
    @CsvSource({
        "37.5663, 126.9779, 250",
        "37.5663, 126.9779, 20000",
        "-33.9, 18.4, 5000",
        "0, 0, 1000",
        "10, 179.9995, 1000",
        "10, -179.9995, 1000",
        "-45, 180, 20000",
        "-45, -180, 3000",
        "80, 100, 20000",
        "89.7, 10, 20000",
        "90, 0, 1",
        "-90, 45, 20000",
        "60, 179.99, 20000",
    })
    void everyPointOfTheCircleIsInsideTheWindow(double lat, double lon, double radius) {
        GeoPoint centre = new GeoPoint(lat, lon);
        SearchWindow window = SearchWindow.around(centre, radius);
        Set<Integer> cells = window.allLongitudes()
                ? Set.of()
                : Arrays.stream(window.cells()).boxed().collect(Collectors.toSet());
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double[] p = destination(lat, lon, random.nextDouble() * 360, radius * Math.sqrt(random.nextDouble()));
            if (i % 4 == 0) p = destination(lat, lon, random.nextDouble() * 360, radius * 0.999999); // the rim
            assertThat(p[0]).as("point %s,%s", p[0], p[1]).isBetween(window.minLat(), window.maxLat());
            if (!window.allLongitudes())
                assertThat(cells).as("point %s,%s", p[0], p[1]).contains(SearchWindow.cell(p[1]));
        }
    }

    @Test
    void aCityCircleTouchesAFewStripsAndABand() {
        SearchWindow window = SearchWindow.around(new GeoPoint(37.5663, 126.9779), 1000);
        assertThat(window.maxLat() - window.minLat()).isBetween(0.0179, 0.0181);
        // ±0.011346° of longitude at this latitude: 126.96655..126.98925, strips of 0.002°
        assertThat(window.cells()).hasSize(12).startsWith(63483).endsWith(63494);
    }

    @Test
    void theAntimeridianIsCoveredFromBothEnds() {
        // ±0.00913°: 179.99037..180 and -180..-179.99137
        int[] cells = SearchWindow.around(new GeoPoint(10, 179.9995), 1000).cells();
        assertThat(cells)
                .containsExactly(
                        89_995, 89_996, 89_997, 89_998, 89_999, 90_000, -90_000, -89_999, -89_998, -89_997, -89_996);
    }

    @Test
    void aPoleInsideTheCircleMeansEveryLongitude() {
        SearchWindow north = SearchWindow.around(new GeoPoint(89.95, 0), 20_000);
        assertThat(north.allLongitudes()).isTrue();
        assertThat(north.maxLat()).isEqualTo(90);
        assertThat(SearchWindow.around(new GeoPoint(-90, 0), 1).minLat()).isEqualTo(-90);
        assertThat(SearchWindow.around(new GeoPoint(85, 0), 20_000).allLongitudes())
                .as("over 1000 strips")
                .isTrue();
    }

    /** The point {@code metres} from lat/lon on bearing {@code degrees}, on the same sphere. */
    private static double[] destination(double lat, double lon, double degrees, double metres) {
        double d = metres / Haversine.EARTH_RADIUS_M;
        double phi = Math.toRadians(lat);
        double theta = Math.toRadians(degrees);
        double phi2 = Math.asin(Math.sin(phi) * Math.cos(d) + Math.cos(phi) * Math.sin(d) * Math.cos(theta));
        double lambda2 = Math.toRadians(lon)
                + Math.atan2(
                        Math.sin(theta) * Math.sin(d) * Math.cos(phi), Math.cos(d) - Math.sin(phi) * Math.sin(phi2));
        double lon2 = (Math.toDegrees(lambda2) + 540) % 360 - 180;
        return new double[] {Math.toDegrees(phi2), lon2 == -180 && lon > 0 ? 180 : lon2};
    }
}
