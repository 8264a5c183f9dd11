package eco2.info.category;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;

/** HTTP for the category list. */
public final class CategoryHandler {
    private final CategoryService categories;

    public CategoryHandler(CategoryService categories) {
        this.categories = categories;
    }

    /** {@code curl localhost:8084/api/v1/recycle/categories} */
    @OpenApi(
            path = "/api/v1/recycle/categories",
            methods = HttpMethod.GET,
            versions = "info",
            tags = "info",
            operationId = "listCategories",
            summary = "List categories",
            description = "The nine sorting categories in display order, each with item_count",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = CategoryList.class)))
    public void list(Context ctx) {
        ctx.contentType("application/json").result(categories.listJson());
    }
}
