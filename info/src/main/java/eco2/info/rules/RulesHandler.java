package eco2.info.rules;

import eco2.common.error.ErrorEnvelope;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

/** HTTP for regional discharge rules. */
public final class RulesHandler {
    private final RulesService rules;

    public RulesHandler(RulesService rules) {
        this.rules = rules;
    }

    /** {@code curl 'localhost:8084/api/v1/recycle/rules/서울?district=강남구'} */
    @OpenApi(
            path = "/api/v1/recycle/rules/{region}",
            methods = HttpMethod.GET,
            versions = "info",
            tags = "info",
            operationId = "getRegionRules",
            summary = "Discharge rules of a region",
            description = "General discharge rules of one 시/도 (종량제 봉투, 음식물, 대형폐기물, 재활용품); days and times vary by "
                    + "구/군, so a district only confirms it belongs to the region",
            pathParams =
                    @OpenApiParam(
                            name = "region",
                            required = true,
                            description = "key, full or short name: seoul, 서울특별시, 서울, 서울시"),
            queryParams = @OpenApiParam(name = "district", description = "a 구/군/시 of the region, e.g. 강남구 or 강남"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = RegionRules.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void get(Context ctx) {
        ctx.contentType("application/json").result(rules.json(ctx.pathParam("region"), ctx.queryParam("district")));
    }
}
