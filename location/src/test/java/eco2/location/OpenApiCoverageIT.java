package eco2.location;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Fails when a location route is registered without an OpenAPI annotation. */
class OpenApiCoverageIT {
    @Test
    void everyRegisteredRouteIsInTheSpec() throws Exception {
        try (LocationTestApp location = LocationTestApp.start()) {
            List<String> routes = new ArrayList<>();
            Javalin probe = Javalin.create(config -> config.events.handlerAdded(meta -> {
                if (meta.getHttpMethod().isHttpMethod() && meta.getHttpMethod() != HandlerType.HEAD) {
                    routes.add(meta.getHttpMethod().name().toLowerCase(Locale.ROOT) + " " + meta.getPath());
                }
            }));
            try (LocationModule module = LocationModule.create(location.config, location.infra)) {
                module.routes(probe);
            }

            JsonNode spec = location.http.get("/openapi.json").json();
            assertThat(routes).hasSize(14);
            for (String route : routes) {
                String[] parts = route.split(" ", 2);
                assertThat(spec.path("paths").path(parts[1]).has(parts[0]))
                        .as("spec documents %s", route)
                        .isTrue();
            }
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
