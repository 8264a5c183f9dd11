package eco2.location.places;

import eco2.common.error.ErrorEnvelope;
import eco2.common.http.PathIds;
import eco2.common.json.JsonBody;
import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.UUID;

/** HTTP for the caller's saved places. */
public final class PlaceHandler {
    private static final String BASE = "/api/v1/locations/me";

    private final PlaceService places;
    private final JsonBody json;
    private final Authenticator auth;

    public PlaceHandler(PlaceService places, JsonBody json, Authenticator auth) {
        this.places = places;
        this.json = json;
        this.auth = auth;
    }

    @OpenApi(
            path = BASE,
            methods = HttpMethod.GET,
            versions = "location",
            tags = "location",
            operationId = "listMyPlaces",
            summary = "List my saved places",
            description = "The caller's saved places, the default first",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = PlaceList.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void list(Context ctx) {
        ctx.json(new PlaceList(places.list(auth.require(ctx).userId())));
    }

    /** {@code curl -XPOST localhost:8083/api/v1/locations/me -H 'Content-Type: application/json' -d '{"name":"집","latitude":37.56,"longitude":126.97}' ...} */
    @OpenApi(
            path = BASE,
            methods = HttpMethod.POST,
            versions = "location",
            tags = "location",
            operationId = "createMyPlace",
            summary = "Save a place",
            description = "Save a place; the first one (or one sent with is_default true) becomes the default",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PlaceRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = Place.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "already 20 places",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void create(Context ctx) {
        UUID caller = auth.require(ctx).userId();
        Place created = places.create(caller, json.read(ctx, PlaceRequest.class));
        ctx.status(201).header("Location", BASE + "/" + created.id()).json(created);
    }

    @OpenApi(
            path = BASE + "/{id}",
            methods = HttpMethod.PUT,
            versions = "location",
            tags = "location",
            operationId = "updateMyPlace",
            summary = "Replace a saved place",
            description = "Replace name, address and position; is_default true moves the default here. "
                    + "is_default false on the current default is refused (422): make another place the default.",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = PlaceRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Place.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "no such place of the caller's (also for malformed ids)",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void replace(Context ctx) {
        UUID caller = auth.require(ctx).userId();
        UUID id = placeId(ctx);
        ctx.json(places.replace(caller, id, json.read(ctx, PlaceRequest.class)));
    }

    @OpenApi(
            path = BASE + "/{id}",
            methods = HttpMethod.DELETE,
            versions = "location",
            tags = "location",
            operationId = "deleteMyPlace",
            summary = "Delete a saved place",
            description = "Delete a place; deleting the default makes the oldest remaining place the default",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void delete(Context ctx) {
        UUID caller = auth.require(ctx).userId();
        places.delete(caller, placeId(ctx));
        ctx.status(204);
    }

    /** A malformed id names no place: 404, like an id of someone else's. */
    private static UUID placeId(Context ctx) {
        return PathIds.parse(ctx.pathParam("id"), PlaceService.NOT_FOUND);
    }
}
