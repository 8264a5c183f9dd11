package eco2.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The one check every service runs against its served OpenAPI document: each route its module registers is
 * documented, the ops endpoints are there, and the Swagger and ReDoc pages are served. Routes are recorded on a
 * probe Javalin that is never started, so a route added without an {@code @OpenApi} annotation fails the build.
 * Each module's {@code OpenApiCoverageIT} adds its own route count and schema checks on the returned spec.
 */
public final class OpenApiCoverage {
    private static final List<String> OPS_PATHS = List.of("/health", "/ready", "/metrics", "/openapi.json");

    private OpenApiCoverage() {}

    /** Registers a module's routes; may throw, as creating and closing a module may. */
    @FunctionalInterface
    public interface RouteSource {
        void routes(Javalin probe) throws Exception;
    }

    /** The served spec and the routes checked against it, as {@code "get /api/v1/..."}. */
    public record Coverage(JsonNode spec, List<String> routes) {}

    /** Checks every route {@code source} registers, against the spec the app behind {@code http} serves. */
    public static Coverage assertCovers(TestHttp http, RouteSource source) throws Exception {
        return assertCovers(http, source, path -> true);
    }

    /**
     * As {@link #assertCovers(TestHttp, RouteSource)}, for the routes whose path {@code documented} accepts (e.g.
     * leaving out HTML pages that are not part of the JSON API).
     */
    public static Coverage assertCovers(TestHttp http, RouteSource source, Predicate<String> documented)
            throws Exception {
        List<String> routes = routesOf(source, documented);
        JsonNode spec = http.get("/openapi.json").json();
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            assertThat(spec.path("paths").path(parts[1]).has(parts[0]))
                    .as("spec documents %s", route)
                    .isTrue();
        }
        for (String ops : OPS_PATHS) {
            assertThat(spec.path("paths").has(ops)).as(ops).isTrue();
        }
        assertThat(http.get("/docs").body()).containsIgnoringCase("swagger");
        assertThat(http.get("/redoc").body()).containsIgnoringCase("redoc");
        return new Coverage(spec, routes);
    }

    /** The HTTP routes {@code source} registers (HEAD and before/after handlers left out). */
    public static List<String> routesOf(RouteSource source, Predicate<String> documented) throws Exception {
        List<String> routes = new ArrayList<>();
        Javalin probe = Javalin.create(config -> config.events.handlerAdded(meta -> {
            if (meta.getHttpMethod().isHttpMethod()
                    && meta.getHttpMethod() != HandlerType.HEAD
                    && documented.test(meta.getPath())) {
                routes.add(meta.getHttpMethod().name().toLowerCase(Locale.ROOT) + " " + meta.getPath());
            }
        }));
        source.routes(probe);
        return routes;
    }
}
