package eco2.info.faq;

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

/** HTTP for admins editing the FAQ; every route needs a token whose roles include admin. */
public final class FaqAdminHandler {
    private final FaqService faqs;
    private final JsonBody json;
    private final Authenticator auth;

    public FaqAdminHandler(FaqService faqs, JsonBody json, Authenticator auth) {
        this.faqs = faqs;
        this.json = json;
        this.auth = auth;
    }

    /**
     * {@code curl -XPOST localhost:8084/api/v1/recycle/faq -H "Authorization: Bearer $ADMIN"
     * -H 'Content-Type: application/json' -d '{"category":"paper","question":"...","answer":"..."}'}
     */
    @OpenApi(
            path = "/api/v1/recycle/faq",
            methods = HttpMethod.POST,
            versions = "info",
            tags = "info",
            operationId = "createFaq",
            summary = "Create a FAQ entry",
            description = "Admin: add a question (goes last unless display_order is given)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = FaqInput.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = Faq.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void create(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        Faq created = faqs.create(json.read(ctx, FaqInput.class));
        ctx.status(201)
                .header("Location", "/api/v1/recycle/faq/" + created.id())
                .json(created);
    }

    /** {@code curl -XPUT localhost:8084/api/v1/recycle/faq/$ID -H "Authorization: Bearer $ADMIN" ...} */
    @OpenApi(
            path = "/api/v1/recycle/faq/{id}",
            methods = HttpMethod.PUT,
            versions = "info",
            tags = "info",
            operationId = "replaceFaq",
            summary = "Replace a FAQ entry",
            description = "Admin: replace a question (counters are kept)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", required = true, description = "FAQ UUID"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = FaqInput.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Faq.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void replace(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        ctx.json(
                faqs.replace(PathIds.parse(ctx.pathParam("id"), FaqService.NOT_FOUND), json.read(ctx, FaqInput.class)));
    }

    /** {@code curl -XDELETE localhost:8084/api/v1/recycle/faq/$ID -H "Authorization: Bearer $ADMIN"} */
    @OpenApi(
            path = "/api/v1/recycle/faq/{id}",
            methods = HttpMethod.DELETE,
            versions = "info",
            tags = "info",
            operationId = "deleteFaq",
            summary = "Delete a FAQ entry",
            description = "Admin: delete a question and its votes",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", required = true, description = "FAQ UUID"),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void delete(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        faqs.delete(PathIds.parse(ctx.pathParam("id"), FaqService.NOT_FOUND));
        ctx.status(204);
    }
}
