package eco2.info.item;

import eco2.common.error.ErrorEnvelope;
import eco2.common.http.PathIds;
import eco2.common.json.JsonBody;
import eco2.common.security.Authenticator;
import eco2.common.security.Roles;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.UUID;

/** HTTP for admins editing the catalogue; every route needs a token whose roles include admin. */
public final class ItemAdminHandler {
    private final ItemService items;
    private final JsonBody json;
    private final Authenticator auth;

    public ItemAdminHandler(ItemService items, JsonBody json, Authenticator auth) {
        this.items = items;
        this.json = json;
        this.auth = auth;
    }

    /**
     * {@code curl -XPOST localhost:8084/api/v1/recycle/items -H "Authorization: Bearer $ADMIN"
     * -H 'Content-Type: application/json' -d @item.json}
     */
    @OpenApi(
            path = "/api/v1/recycle/items",
            methods = HttpMethod.POST,
            versions = "info",
            tags = "info",
            operationId = "createItem",
            summary = "Create an item",
            description = "Admin: add an item (slug optional, generated when absent)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ItemInput.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = Item.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void create(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        Saved created = items.create(json.read(ctx, ItemInput.class));
        ctx.status(201)
                .header("Location", "/api/v1/recycle/items/" + created.id())
                .contentType("application/json")
                .result(created.json());
    }

    /** {@code curl -XPUT localhost:8084/api/v1/recycle/items/$ID -H "Authorization: Bearer $ADMIN" ... -d @item.json} */
    @OpenApi(
            path = "/api/v1/recycle/items/{id}",
            methods = HttpMethod.PUT,
            versions = "info",
            tags = "info",
            operationId = "replaceItem",
            summary = "Replace an item",
            description = "Admin: replace an item (every field; the slug stays when none is given)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", required = true, description = "item UUID"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ItemInput.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Item.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void replace(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        UUID id = PathIds.parse(ctx.pathParam("id"), ItemService.NOT_FOUND);
        ctx.contentType("application/json").result(items.replace(id, json.read(ctx, ItemInput.class)));
    }

    /** {@code curl -XDELETE localhost:8084/api/v1/recycle/items/$ID -H "Authorization: Bearer $ADMIN"} */
    @OpenApi(
            path = "/api/v1/recycle/items/{id}",
            methods = HttpMethod.DELETE,
            versions = "info",
            tags = "info",
            operationId = "deleteItem",
            summary = "Delete an item",
            description = "Admin: delete an item",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", required = true, description = "item UUID"),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void delete(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        items.delete(PathIds.parse(ctx.pathParam("id"), ItemService.NOT_FOUND));
        ctx.status(204);
    }
}
