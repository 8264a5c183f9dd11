package eco2.location.bins;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.location.geo.GeoPoint;
import eco2.location.geo.NearbyParams;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

/** HTTP for nearby bins. */
public final class BinHandler {
    private final BinService bins;

    public BinHandler(BinService bins) {
        this.bins = bins;
    }

    /** {@code curl 'localhost:8083/api/v1/locations/bins?lat=37.5663&lon=126.9779&radius=500&type=clothes'} */
    @OpenApi(
            path = "/api/v1/locations/bins",
            methods = HttpMethod.GET,
            versions = "location",
            tags = "location",
            operationId = "findBins",
            summary = "Find nearby bins",
            description = "Bins within radius metres, nearest first, each with distance_m (great-circle, metres). "
                    + "lat/lon are rounded to 4 decimals (about 11 m) before searching, and distance_m is measured "
                    + "from that rounded point; answers are cached for an hour under the rounded coordinates.",
            queryParams = {
                @OpenApiParam(name = "lat", type = Double.class, required = true, description = "-90..90"),
                @OpenApiParam(name = "lon", type = Double.class, required = true, description = "-180..180"),
                @OpenApiParam(name = "radius", type = Integer.class, description = "metres, 1..20000, default 1000"),
                @OpenApiParam(name = "type", description = "plastic|paper|glass|metal|general|clothes|battery"),
                @OpenApiParam(name = "limit", type = Integer.class, description = "1..100, default 20")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = BinList.class)),
                @OpenApiResponse(
                        status = "422",
                        description = "every bad parameter is named",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void nearby(Context ctx) {
        FieldErrors errors = new FieldErrors();
        GeoPoint point = NearbyParams.point(ctx, errors);
        int radius = NearbyParams.radius(ctx, errors);
        int limit = NearbyParams.limit(ctx, errors);
        BinType type = type(ctx, errors);
        errors.throwIfAny();
        ctx.contentType("application/json").result(bins.nearbyJson(point, radius, type, limit));
    }

    private static BinType type(Context ctx, FieldErrors errors) {
        String text = ctx.queryParam("type");
        if (text == null || text.isEmpty()) return null;
        BinType type = BinType.fromWire(text).orElse(null);
        errors.check(type == null, "type", "must be one of: " + BinType.ALLOWED);
        return type;
    }
}
