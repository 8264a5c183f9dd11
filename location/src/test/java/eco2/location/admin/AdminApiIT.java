package eco2.location.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.RunningApp;
import eco2.common.testing.TestHttp;
import eco2.location.LocationTestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** location mounts the shared admin endpoints under /api/v1/locations with its site counts and user.deleted queue. */
class AdminApiIT {
    @RegisterExtension
    static final RunningApp<LocationTestApp> location =
            RunningApp.of(() -> LocationTestApp.start(LocationTestApp.sampleData()));

    @Test
    void statsCountBinsCentresAndSavedPlacesAndListTheConsumerQueue() {
        LocationTestApp.User user = location.get().register();
        TestHttp.Response saved = location.get()
                .http
                .postJson(
                        "/api/v1/locations/me",
                        TestHttp.json(Map.of("name", "home", "latitude", 37.5, "longitude", 127.0)),
                        user.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        TestHttp.Response r = location.get()
                .http
                .get("/api/v1/locations/admin/stats", location.get().admin().auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stats = r.json();
        assertThat(stats.get("service").asText()).isEqualTo("location");
        assertThat(stats.get("outbox_backlog").asLong()).isZero();
        assertThat(stats.get("dead_letters")).hasSize(1);
        assertThat(stats.get("dead_letters").get(0).get("queue").asText())
                .isEqualTo(location.get().config.userDeletedQueue());
        JsonNode counts = stats.get("counts");
        assertThat(counts.get("bins_total").asLong())
                .isEqualTo(count("SELECT count(*) FROM locations.recycle_bins"))
                .isPositive();
        assertThat(counts.get("centers_total").asLong())
                .isEqualTo(count("SELECT count(*) FROM locations.recycle_centers"))
                .isPositive();
        assertThat(counts.get("saved_places_total").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAdminsGetInAndOnlyToLocationsOwnQueue() {
        assertThat(location.get().http.get("/api/v1/locations/admin/stats").status())
                .isEqualTo(401);
        assertThat(location.get()
                        .http
                        .get(
                                "/api/v1/locations/admin/stats",
                                location.get().register().auth())
                        .status())
                .isEqualTo(403);
        String[] admin = location.get().admin().auth();
        TestHttp.Response own = location.get()
                .http
                .get(
                        "/api/v1/locations/admin/dead-letters/"
                                + location.get().config.userDeletedQueue() + "?limit=200",
                        admin);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("messages")).isEmpty();
        assertThat(location.get()
                        .http
                        .get("/api/v1/locations/admin/dead-letters/my.rewards", admin)
                        .status())
                .isEqualTo(404);
    }

    private static long count(String sql) {
        return location.get()
                .db
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
