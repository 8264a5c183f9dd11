package eco2.location.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.TestServices;
import eco2.location.LocationTestApp;
import org.junit.jupiter.api.Test;

/** LOCATION_SAMPLE_DATA: a few dozen clearly labelled points around City Hall, loaded once however often it starts. */
class SampleDataIT {
    @Test
    void theSampleIsLoadedAroundCityHallAndLoadingItAgainChangesNothing() throws Exception {
        try (LocationTestApp location = LocationTestApp.start(LocationTestApp.sampleData())) {
            JsonNode bins = location.http
                    .get("/api/v1/locations/bins?lat=37.5663&lon=126.9779&radius=2000&limit=100")
                    .json()
                    .get("items");
            assertThat(bins).hasSize(28);
            assertThat(bins.findValuesAsText("name"))
                    .allSatisfy(name -> assertThat(name).startsWith("[sample] "));
            assertThat(bins.findValuesAsText("bin_type"))
                    .contains("plastic", "paper", "glass", "metal", "general", "clothes", "battery");
            JsonNode centers = location.http
                    .get("/api/v1/locations/centers?lat=37.5663&lon=126.9779&radius=2000")
                    .json()
                    .get("items");
            assertThat(centers.findValuesAsText("id"))
                    .hasSize(6)
                    .allSatisfy(id -> assertThat(id).startsWith("sample:"));

            String before = rows(location);
            try (LocationTestApp again = LocationTestApp.startOn(
                    location.database, TestServices.get().redisUri(), LocationTestApp.sampleData())) {
                assertThat(rows(again)).isEqualTo(before);
            }
        }
    }

    @Test
    void withoutTheFlagNothingIsLoaded() throws Exception {
        try (LocationTestApp location = LocationTestApp.start()) {
            assertThat(rows(location)).isEqualTo("0 bins, 0 centres");
        }
    }

    /** Counts and the latest change, so a reload that rewrote rows would show. */
    private static String rows(LocationTestApp location) {
        return location.db.withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM locations.recycle_bins "
                        + "WHERE source = 'sample') || ' bins, ' || (SELECT count(*) FROM locations.recycle_centers "
                        + "WHERE source = 'sample') || ' centres' || coalesce(' ' || (SELECT max(updated_at) FROM "
                        + "locations.recycle_bins)::text, '')")
                .mapTo(String.class)
                .one());
    }
}
