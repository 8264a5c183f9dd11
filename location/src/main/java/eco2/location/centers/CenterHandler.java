package eco2.location.centers;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.common.http.QueryParams;
import eco2.location.geo.GeoPoint;
import eco2.location.geo.NearbyParams;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.util.Locale;

/** HTTP for recycling centres: near a point, or listed by region. */
public final class CenterHandler {
    static final int MAX_TEXT = 50;

    private final CenterService centers;

    public CenterHandler(CenterService centers) {
        this.centers = centers;
    }

    /**
     * {@code curl 'localhost:8083/api/v1/locations/centers?lat=37.5663&lon=126.9779&radius=5000'} or
     * {@code curl 'localhost:8083/api/v1/locations/centers?region=충북&item=페트'}
     */
    @OpenApi(
            path = "/api/v1/locations/centers",
            methods = HttpMethod.GET,
            versions = "location",
            tags = "location",
            operationId = "findCenters",
            summary = "Find recycling centres",
            description = "Centres near lat/lon (nearest first, {items}), or of a region ({items,total,page,size}). "
                    + "Near a point: database centres plus, when KAKAO_REST_API_KEY is set and no item filter is given, "
                    + "Kakao places for \"재활용센터\"; a Kakao place within 100 m of a database centre with a matching name is "
                    + "dropped as a duplicate. If Kakao fails, the database centres are served. By region: 시/도 (충북, "
                    + "충청북도), 시/군/구 (청주시, 청주) or both (\"인천 서구\"), sorted by region, district and name; "
                    + "distance_m is null there. Give either lat/lon or region.",
            queryParams = {
                @OpenApiParam(name = "lat", type = Double.class, description = "-90..90; with lon"),
                @OpenApiParam(name = "lon", type = Double.class, description = "-180..180; with lat"),
                @OpenApiParam(name = "radius", type = Integer.class, description = "metres, 1..20000, default 1000"),
                @OpenApiParam(name = "limit", type = Integer.class, description = "near a point: 1..100, default 20"),
                @OpenApiParam(name = "region", description = "instead of lat/lon: 시/도, 시/군/구 or both"),
                @OpenApiParam(name = "page", type = Integer.class, description = "by region: from 1"),
                @OpenApiParam(name = "size", type = Integer.class, description = "by region: 1..100, default 20"),
                @OpenApiParam(name = "item", description = "accepted item, matched as a substring (페트 finds 투명페트병)")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = CentersAnswer.class)),
                @OpenApiResponse(
                        status = "422",
                        description = "every bad parameter is named",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void list(Context ctx) {
        FieldErrors errors = new FieldErrors();
        String item = text(ctx, "item", errors);
        String region = ctx.queryParam("region");
        if (region != null && !NearbyParams.present(ctx)) {
            RegionFilter filter = region.isBlank() || region.length() > MAX_TEXT ? null : Regions.filter(region);
            errors.check(filter == null, "region", "must be a 시/도 (충북), a 시/군/구 (청주시) or both (충북 청주시)");
            int page = QueryParams.intInRange(ctx, "page", 1, 1, 10_000, errors);
            int size = QueryParams.intInRange(ctx, "size", 20, 1, 100, errors);
            errors.throwIfAny();
            ctx.contentType("application/json").result(centers.regionJson(filter, item, page, size));
            return;
        }
        errors.check(region != null, "region", "give either lat/lon or region, not both");
        GeoPoint point = NearbyParams.point(ctx, errors);
        int radius = NearbyParams.radius(ctx, errors);
        int limit = NearbyParams.limit(ctx, errors);
        errors.throwIfAny();
        ctx.contentType("application/json").result(centers.nearbyJson(point, radius, item, limit));
    }

    private static String text(Context ctx, String name, FieldErrors errors) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) return null;
        String trimmed = value.trim();
        boolean bad = trimmed.isEmpty() || trimmed.length() > MAX_TEXT;
        errors.check(bad, name, "must be 1-" + MAX_TEXT + " characters");
        return bad ? null : trimmed.toLowerCase(Locale.ROOT); // one cache entry for PET and pet
    }
}
