package eco2.my;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.OpenApiCoverage;
import org.junit.jupiter.api.Test;

/** Fails when a my route is registered without an OpenAPI annotation, or a schema leaks Java names. */
class OpenApiCoverageIT {
    @Test
    void everyRegisteredRouteIsInTheSpec() throws Exception {
        try (MyTestApp my = MyTestApp.start()) {
            OpenApiCoverage.Coverage coverage = OpenApiCoverage.assertCovers(my.http, my.module::routes);

            // 12 user routes and the 4 admin routes mounted under /api/v1/users/admin.
            assertThat(coverage.routes()).hasSize(16);
            assertThat(coverage.spec().path("info").path("title").asText())
                    .as("my's own document, as its main serves it, without auth's routes")
                    .isEqualTo(MyApp.TITLE);
            assertThat(coverage.spec().path("paths").has("/api/v1/auth/login")).isFalse();
            JsonNode schemas = coverage.spec().path("components").path("schemas");
            assertThat(schemas.path("PointsView").path("properties").has("next_level_at"))
                    .as("snake_case like the wire")
                    .isTrue();
            assertThat(schemas.path("Settings").path("properties").has("notification_enabled"))
                    .isTrue();
            assertThat(schemas.path("Settings").path("properties").has("notificationEnabled"))
                    .isFalse();
        }
    }
}
