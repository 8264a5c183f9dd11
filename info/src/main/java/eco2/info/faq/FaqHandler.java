package eco2.info.faq;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.common.http.PathIds;
import eco2.common.security.Authenticator;
import eco2.info.category.CategoryService;
import eco2.info.web.PageRequest;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.UUID;

/** HTTP for reading the FAQ and voting an answer helpful. */
public final class FaqHandler {
    private final FaqService faqs;
    private final CategoryService categories;
    private final Authenticator auth;

    public FaqHandler(FaqService faqs, CategoryService categories, Authenticator auth) {
        this.faqs = faqs;
        this.categories = categories;
        this.auth = auth;
    }

    /** {@code curl 'localhost:8084/api/v1/recycle/faq?category=plastic&sort=popular'} */
    @OpenApi(
            path = "/api/v1/recycle/faq",
            methods = HttpMethod.GET,
            versions = "info",
            tags = "info",
            operationId = "listFaq",
            summary = "List the FAQ",
            description = "FAQ in the curated order, or sort=popular for the most viewed first",
            queryParams = {
                @OpenApiParam(name = "category", description = "a category key, e.g. plastic"),
                @OpenApiParam(name = "sort", description = "order (default) or popular"),
                @OpenApiParam(name = "page", type = Integer.class, description = "from 1, default 1"),
                @OpenApiParam(name = "size", type = Integer.class, description = "1-100, default 20")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = FaqPage.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void list(Context ctx) {
        FieldErrors errors = new FieldErrors();
        PageRequest page = PageRequest.read(ctx, errors);
        String category = ctx.queryParam("category");
        categories.check(category, "category", errors);
        FaqSort sort = FaqSort.parse(ctx.queryParam("sort"), errors);
        errors.throwIfAny();
        ctx.json(faqs.page(category, sort, page));
    }

    /** {@code curl localhost:8084/api/v1/recycle/faq/$ID} */
    @OpenApi(
            path = "/api/v1/recycle/faq/{id}",
            methods = HttpMethod.GET,
            versions = "info",
            tags = "info",
            operationId = "getFaq",
            summary = "Get a FAQ entry",
            description = "One question and answer; each call counts a view",
            pathParams = @OpenApiParam(name = "id", required = true, description = "FAQ UUID"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Faq.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void get(Context ctx) {
        ctx.json(faqs.view(PathIds.parse(ctx.pathParam("id"), FaqService.NOT_FOUND)));
    }

    /** {@code curl -XPOST localhost:8084/api/v1/recycle/faq/$ID/helpful -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/recycle/faq/{id}/helpful",
            methods = HttpMethod.POST,
            versions = "info",
            tags = "info",
            operationId = "markFaqHelpful",
            summary = "Mark an answer helpful",
            description = "Mark an answer helpful, once per user; returns the question with the new helpful_count",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", required = true, description = "FAQ UUID"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Faq.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void helpful(Context ctx) {
        UUID userId = auth.require(ctx).userId();
        ctx.json(faqs.helpful(PathIds.parse(ctx.pathParam("id"), FaqService.NOT_FOUND), userId));
    }
}
