package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Fails when a route is registered without an OpenAPI annotation. */
class OpenApiCoverageIT {
    @Test
    void everyRegisteredRouteIsInTheSpec() throws Exception {
        try (AuthTestApp auth = AuthTestApp.start()) {
            List<String> routes = new ArrayList<>();
            Javalin probe = Javalin.create(config -> config.events.handlerAdded(meta -> {
                // The admin panel's HTML pages are not part of the JSON API the spec describes.
                if (meta.getHttpMethod().isHttpMethod()
                        && meta.getHttpMethod() != HandlerType.HEAD
                        && !meta.getPath().startsWith("/admin")) {
                    routes.add(meta.getHttpMethod().name().toLowerCase(Locale.ROOT) + " " + meta.getPath());
                }
            }));
            try (AuthModule module = AuthModule.create(auth.config, auth.infra, auth.keys)) {
                module.routes(probe);
            }

            JsonNode spec = auth.http.get("/openapi.json").json();
            assertThat(routes).hasSizeGreaterThanOrEqualTo(7);
            for (String route : routes) {
                String[] parts = route.split(" ", 2);
                assertThat(spec.path("paths").path(parts[1]).has(parts[0]))
                        .as("spec documents %s", route)
                        .isTrue();
            }
            for (String ops : List.of("/health", "/ready", "/metrics", "/openapi.json")) {
                assertThat(spec.path("paths").has(ops)).as(ops).isTrue();
            }
            JsonNode tokenPair = spec.path("components").path("schemas").path("TokenPair");
            assertThat(tokenPair.path("properties").has("access_token"))
                    .as("schemas are snake_case like the wire")
                    .isTrue();
            assertThat(tokenPair.path("properties").has("accessToken")).isFalse();
            assertThat(spec.path("components")
                            .path("schemas")
                            .path("RegisterRequest")
                            .path("properties")
                            .has("validate"))
                    .isFalse();
            assertThat(auth.http.get("/docs").body()).containsIgnoringCase("swagger");
            assertThat(auth.http.get("/redoc").body()).containsIgnoringCase("redoc");
        }
    }
}
