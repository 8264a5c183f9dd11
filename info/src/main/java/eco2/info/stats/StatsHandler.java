package eco2.info.stats;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;

/** HTTP for the statistics. */
public final class StatsHandler {
    private final StatsService stats;

    public StatsHandler(StatsService stats) {
        this.stats = stats;
    }

    /** {@code curl localhost:8084/api/v1/recycle/stats} */
    @OpenApi(
            path = "/api/v1/recycle/stats",
            methods = HttpMethod.GET,
            versions = "info",
            tags = "info",
            operationId = "getGuideStats",
            summary = "Sorting-guide statistics",
            description = "Items per category, the 10 most searched queries of the last 7 days (anonymous searches "
                    + "included; "
                    + "Seoul calendar days, recorded within about a second) and the 5 most viewed FAQs",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Stats.class)))
    public void get(Context ctx) {
        ctx.json(stats.stats());
    }
}
