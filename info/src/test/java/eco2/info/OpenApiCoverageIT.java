package eco2.info;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.common.testing.OpenApiCoverage;
import eco2.common.testing.SpecDrift;
import eco2.info.faq.FaqInput;
import eco2.info.item.ItemInput;
import eco2.info.search.SearchRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails when a route is registered without an OpenAPI annotation, or a schema leaks Java names. */
class OpenApiCoverageIT {
    @Test
    void everyRegisteredRouteIsInTheSpec() throws Exception {
        try (InfoTestApp info = InfoTestApp.start()) {
            OpenApiCoverage.Coverage coverage = OpenApiCoverage.assertCovers(info.http, probe -> {
                try (InfoModule module = InfoModule.create(info.config, info.infra)) {
                    module.routes(probe);
                }
            });

            JsonNode spec = coverage.spec();
            assertThat(coverage.routes()).hasSize(19);
            JsonNode schemas = spec.path("components").path("schemas");
            assertThat(schemas.path("Item").path("properties").has("how_to_recycle"))
                    .isTrue();
            assertThat(schemas.path("SearchHit").path("properties").has("score"))
                    .isTrue();
            for (String input : List.of("ItemInput", "FaqInput", "SearchRequest")) {
                assertThat(schemas.path(input).path("properties").has("validate"))
                        .as(input)
                        .isFalse();
                assertThat(schemas.path(input).path("properties").has("cleaned"))
                        .as(input)
                        .isFalse();
            }
            assertThat(schemas.path("RegionRules").path("properties").has("find_district"))
                    .isFalse();
            SpecDrift.assertBodiesMatch(
                    spec, info.infra.jsonBody(), ItemInput.class, FaqInput.class, SearchRequest.class);
        }
    }
}
