package eco2.location.bins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.location.LocationTestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /bins against fixed bins whose distances from Seoul City Hall (37.5663, 126.9779) were worked out by hand
 * with the haversine formula on a 6,371,008.8 m sphere: ordering, radius, type, limit, the antimeridian, the
 * poles and every validation error.
 */
class NearbyBinsIT {
    @RegisterExtension
    static final RunningApp<LocationTestApp> location = RunningApp.of(LocationTestApp::start);

    @BeforeAll
    static void start() throws Exception {
        bin("city-hall", 37.5663, 126.9779, "plastic"); //    0.0 m
        bin("north-111", 37.5673, 126.9779, "paper"); //  111.2 m (0.001 degree of latitude)
        bin("east-176", 37.5663, 126.9799, "clothes"); //  176.3 m
        bin("ne-749", 37.5700, 126.9850, "plastic"); //  748.9 m
        bin("sw-908", 37.5601, 126.9712, "battery"); //  907.8 m
        bin("north-1112", 37.5763, 126.9779, "plastic"); // 1112.0 m
        bin("far-4223", 37.6000, 127.0000, "battery"); // 4223.1 m
        bin("anti-east", 10, 179.999, "general");
        bin("anti-west", 10, -179.999, "general");
        bin("arctic", 89.95, 45, "metal");
        bin("antarctic", -89.99, -120, "metal");
    }

    @Test
    void nearestFirstWithinTheDefaultRadiusWithHandComputedDistances() {
        JsonNode items = items("lat=37.5663&lon=126.9779");
        assertThat(names(items)).containsExactly("city-hall", "north-111", "east-176", "ne-749", "sw-908");
        double[] expected = {0.0, 111.2, 176.3, 748.9, 907.8};
        for (int i = 0; i < expected.length; i++) {
            assertThat(items.get(i).get("distance_m").asDouble()).isCloseTo(expected[i], within(0.05));
        }
        assertThat(items.get(1).fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id", "name", "address", "latitude", "longitude", "bin_type", "region", "distance_m");
        assertThat(items.get(1).get("bin_type").asText()).isEqualTo("paper");
    }

    @Test
    void theRadiusKeepsExactlyTheBinsWithinIt() {
        // north-1112 stands 1111.95 m away
        assertThat(names(items("lat=37.5663&lon=126.9779&radius=1111")))
                .endsWith("sw-908")
                .doesNotContain("north-1112");
        assertThat(names(items("lat=37.5663&lon=126.9779&radius=1112"))).endsWith("north-1112");
        assertThat(names(items("lat=37.5663&lon=126.9779&radius=111"))).containsExactly("city-hall");
        assertThat(names(items("lat=37.5663&lon=126.9779&radius=5000")))
                .hasSize(7)
                .endsWith("far-4223");
    }

    @Test
    void typeAndLimitFilter() {
        assertThat(names(items("lat=37.5663&lon=126.9779&type=plastic"))).containsExactly("city-hall", "ne-749");
        assertThat(names(items("lat=37.5663&lon=126.9779&type=battery&radius=5000")))
                .containsExactly("sw-908", "far-4223");
        assertThat(names(items("lat=37.5663&lon=126.9779&type=glass&radius=20000")))
                .isEmpty();
        assertThat(names(items("lat=37.5663&lon=126.9779&limit=2"))).containsExactly("city-hall", "north-111");
        assertThat(names(items("lat=37.5663&lon=126.9779&limit=100&radius=20000")))
                .hasSize(7);
    }

    @Test
    void coordinatesAreRoundedToFourDecimalsBeforeSearching() {
        String exact = location.get()
                .http
                .get("/api/v1/locations/bins?lat=37.5663&lon=126.9779")
                .body();
        assertThat(location.get()
                        .http
                        .get("/api/v1/locations/bins?lat=37.56634&lon=126.97786")
                        .body())
                .isEqualTo(exact);
    }

    @Test
    void theAntimeridianIsCrossed() {
        JsonNode east = items("lat=10&lon=179.9995&radius=1000");
        assertThat(names(east)).containsExactly("anti-east", "anti-west");
        assertThat(east.get(0).get("distance_m").asDouble()).isCloseTo(54.8, within(0.05));
        assertThat(east.get(1).get("distance_m").asDouble()).isCloseTo(164.3, within(0.05));
        JsonNode west = items("lat=10&lon=-179.99&radius=1000");
        assertThat(names(west)).containsExactly("anti-west");
        assertThat(west.get(0).get("distance_m").asDouble()).isCloseTo(985.6, within(0.05));
        assertThat(names(items("lat=10&lon=-179.99&radius=1300"))).containsExactly("anti-west", "anti-east");
    }

    @Test
    void thePolesAnswer() {
        JsonNode north = items("lat=90&lon=0&radius=20000");
        assertThat(names(north)).containsExactly("arctic");
        assertThat(north.get(0).get("distance_m").asDouble()).isCloseTo(5559.8, within(0.05));
        JsonNode south = items("lat=-90&lon=180&radius=20000");
        assertThat(names(south)).containsExactly("antarctic");
        assertThat(south.get(0).get("distance_m").asDouble()).isCloseTo(1112.0, within(0.05));
    }

    @ParameterizedTest
    @CsvSource({"90,180", "-90,-180", "89.9,179.99", "85,-179.999", "-80,179.9", "0,180", "0,-180", "89.99,0"})
    void extremeCoordinatesNeverFail(String lat, String lon) {
        for (String radius : List.of("1", "1000", "20000")) {
            TestHttp.Response r =
                    location.get().http.get("/api/v1/locations/bins?lat=" + lat + "&lon=" + lon + "&radius=" + radius);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "|lat,lon",
                "lon=126.9|lat",
                "lat=37.5|lon",
                "lat=&lon=|lat,lon",
                "lat=abc&lon=126.9|lat",
                "lat=37.5&lon=east|lon",
                "lat=NaN&lon=126.9|lat",
                "lat=Infinity&lon=126.9|lat",
                "lat=1e1&lon=126.9|lat",
                "lat=37.5d&lon=126.9|lat",
                "lat=0x1p3&lon=126.9|lat",
                "lat=90.0001&lon=0|lat",
                "lat=-91&lon=0|lat",
                "lat=0&lon=180.5|lon",
                "lat=0&lon=-181|lon",
                "lat=0&lon=0&radius=0|radius",
                "lat=0&lon=0&radius=20001|radius",
                "lat=0&lon=0&radius=1.5|radius",
                "lat=0&lon=0&radius=far|radius",
                "lat=0&lon=0&limit=0|limit",
                "lat=0&lon=0&limit=101|limit",
                "lat=0&lon=0&limit=ten|limit",
                "lat=0&lon=0&type=wood|type",
                "lat=0&lon=0&type=PLASTIC|type",
                "lat=x&lon=y&radius=-1&limit=1000&type=x|lat,lon,radius,limit,type",
            })
    void badParametersAre422NamingEveryBadField(String caseLine) {
        String[] parts = caseLine.split("\\|");
        TestHttp.Response r = location.get().http.get("/api/v1/locations/bins?" + parts[0]);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode body = r.json();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("code").asText()).isEqualTo("validation_error");
        assertThat(body.get("request_id").asText()).isNotBlank();
        assertThat(body.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(parts[1].split(","));
    }

    private static JsonNode items(String query) {
        TestHttp.Response r = location.get().http.get("/api/v1/locations/bins?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static void bin(String name, double lat, double lon, String type) {
        LocationTestApp app = location.get();
        app.db.useHandle(h -> h.execute(
                "INSERT INTO locations.recycle_bins (source, source_id, name, address, "
                        + "latitude, longitude, bin_type, region) VALUES ('test', ?, ?, 'somewhere', ?, ?, ?, 'test')",
                name,
                name,
                lat,
                lon,
                type));
    }
}
