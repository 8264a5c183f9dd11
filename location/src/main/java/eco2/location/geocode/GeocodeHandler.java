package eco2.location.geocode;

import eco2.common.error.ErrorEnvelope;
import eco2.common.json.JsonBody;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

/** HTTP for geocoding through Kakao Local. */
public final class GeocodeHandler {
    private final GeocodeService geocoding;
    private final JsonBody json;

    public GeocodeHandler(GeocodeService geocoding, JsonBody json) {
        this.geocoding = geocoding;
        this.json = json;
    }

    /** {@code curl -XPOST localhost:8083/api/v1/locations/geocode -H 'Content-Type: application/json' -d '{"address":"서울 중구 세종대로 110"}'} */
    @OpenApi(
            path = "/api/v1/locations/geocode",
            methods = HttpMethod.POST,
            versions = "location",
            tags = "location",
            operationId = "geocodeAddress",
            summary = "Geocode an address",
            description = "Position of an address (Kakao address search), cached 24 h under geocode:{normalised "
                    + "address}",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = GeocodeRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GeocodeResult.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "nothing matches",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "422",
                        description = "empty or over 200 characters",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "502",
                        description = "Kakao answered with a server error or unreadable JSON",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "KAKAO_REST_API_KEY unset, key refused, quota used up, "
                                + "timeout or Kakao unreachable",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void geocode(Context ctx) {
        ctx.contentType("application/json").result(geocoding.geocodeJson(json.read(ctx, GeocodeRequest.class)));
    }

    /** {@code curl -XPOST localhost:8083/api/v1/locations/reverse -H 'Content-Type: application/json' -d '{"latitude":37.5663,"longitude":126.9779}'} */
    @OpenApi(
            path = "/api/v1/locations/reverse",
            methods = HttpMethod.POST,
            versions = "location",
            tags = "location",
            operationId = "reverseGeocode",
            summary = "Address of a position",
            description = "Address of a position (Kakao coord2address), cached 24 h under location:reverse:{lat}:{lon} "
                    + "(5 decimals)",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ReverseRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReverseResult.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "no address known there",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void reverse(Context ctx) {
        ctx.contentType("application/json").result(geocoding.reverseJson(json.read(ctx, ReverseRequest.class)));
    }
}
