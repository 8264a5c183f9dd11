package eco2.location;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.OpenApiCoverage;
import org.junit.jupiter.api.Test;

/** Fails when a location route is registered without an OpenAPI annotation. */
class OpenApiCoverageIT {
    @Test
    void everyRegisteredRouteIsInTheSpec() throws Exception {
        try (LocationTestApp location = LocationTestApp.start()) {
            OpenApiCoverage.Coverage coverage = OpenApiCoverage.assertCovers(location.http, probe -> {
                try (LocationModule module = LocationModule.create(location.config, location.infra)) {
                    module.routes(probe);
                }
            });

            JsonNode spec = coverage.spec();
            assertThat(coverage.routes()).hasSize(14);
            JsonNode schemas = spec.path("components").path("schemas");
            assertThat(schemas.path("Bin").path("properties").has("distance_m"))
                    .as("snake_case like the wire")
                    .isTrue();
            assertThat(schemas.path("Center").path("properties").has("accepted_items"))
                    .isTrue();
            assertThat(schemas.path("PlaceRequest").path("properties").has("is_default"))
                    .isTrue();
            assertThat(schemas.path("PlaceRequest").path("properties").has("trimmed_name"))
                    .isFalse();
            assertThat(schemas.path("GeocodeRequest").path("properties").has("normalised"))
                    .isFalse();
            assertThat(spec.path("paths")
                            .path("/api/v1/locations/bins")
                            .path("get")
                            .path("parameters")
                            .findValuesAsText("name"))
                    .contains("lat", "lon", "radius", "type", "limit");
        }
    }
}
