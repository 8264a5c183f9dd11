package eco2.info.item;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.common.http.PathIds;
import eco2.info.category.CategoryService;
import eco2.info.web.PageRequest;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

/** HTTP for reading the item catalogue. */
public final class ItemHandler {
    private final ItemService items;
    private final CategoryService categories;

    public ItemHandler(ItemService items, CategoryService categories) {
        this.items = items;
        this.categories = categories;
    }

    /** {@code curl 'localhost:8084/api/v1/recycle/items?category=plastic&page=1&size=20'} */
    @OpenApi(
            path = "/api/v1/recycle/items",
            methods = HttpMethod.GET,
            versions = "info",
            tags = "info",
            operationId = "listItems",
            summary = "List items",
            description = "The item catalogue sorted by name, optionally within one category",
            queryParams = {
                @OpenApiParam(name = "category", description = "a category key, e.g. plastic"),
                @OpenApiParam(name = "page", type = Integer.class, description = "from 1, default 1"),
                @OpenApiParam(name = "size", type = Integer.class, description = "1-100, default 20")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ItemPage.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void list(Context ctx) {
        FieldErrors errors = new FieldErrors();
        PageRequest page = PageRequest.read(ctx, errors);
        String category = ctx.queryParam("category");
        categories.check(category, "category", errors);
        errors.throwIfAny();
        ctx.json(items.page(category, page));
    }

    /** {@code curl localhost:8084/api/v1/recycle/items/$ID} */
    @OpenApi(
            path = "/api/v1/recycle/items/{id}",
            methods = HttpMethod.GET,
            versions = "info",
            tags = "info",
            operationId = "getItem",
            summary = "Get an item",
            description = "One item with how to sort it; an id that is not a UUID is a 404 like an unknown one",
            pathParams = @OpenApiParam(name = "id", required = true, description = "item UUID"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Item.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void get(Context ctx) {
        ctx.contentType("application/json")
                .result(items.json(PathIds.parse(ctx.pathParam("id"), ItemService.NOT_FOUND)));
    }
}
