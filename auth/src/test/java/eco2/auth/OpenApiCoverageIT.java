package eco2.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.OpenApiCoverage;
import org.junit.jupiter.api.Test;

/** Fails when a route is registered without an OpenAPI annotation. */
class OpenApiCoverageIT {
    @Test
    void everyRegisteredRouteIsInTheSpec() throws Exception {
        try (AuthTestApp auth = AuthTestApp.start()) {
            OpenApiCoverage.Coverage coverage = OpenApiCoverage.assertCovers(
                    auth.http,
                    probe -> {
                        try (AuthModule module = AuthModule.create(auth.config, auth.infra, auth.keys)) {
                            module.routes(probe);
                        }
                    },
                    // The admin panel's HTML pages are not part of the JSON API the spec describes.
                    path -> !path.startsWith("/admin"));

            JsonNode spec = coverage.spec();
            assertThat(coverage.routes()).hasSizeGreaterThanOrEqualTo(7);
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
        }
    }
}
