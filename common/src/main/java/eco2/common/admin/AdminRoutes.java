package eco2.common.admin;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.common.http.QueryParams;
import eco2.common.ops.ApiDocs;
import eco2.common.security.Authenticator;
import eco2.common.security.Roles;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/**
 * The admin panel's JSON endpoints, mounted by every service under its own prefix; admin-role bearer tokens only.
 * Documented once here (paths under {@link ApiDocs#MOUNT_POINT}) and mounted into each service's spec.
 */
public final class AdminRoutes {
    static final String SPEC = "admin";
    private static final String BASE = ApiDocs.MOUNT_POINT + "/admin";

    private final String prefix;
    private final Authenticator auth;
    private final AdminService admin;

    /** {@code prefix} is the service's gateway prefix, e.g. {@code /api/v1/users}. */
    public AdminRoutes(String prefix, Authenticator auth, AdminService admin) {
        this.prefix = prefix;
        this.auth = auth;
        this.admin = admin;
    }

    public void routes(Javalin app) {
        app.get(prefix + "/admin/stats", this::stats);
        app.get(prefix + "/admin/dead-letters/{queue}", this::browse);
        app.post(prefix + "/admin/dead-letters/{queue}/{id}/replay", this::replay);
        app.delete(prefix + "/admin/dead-letters/{queue}/{id}", this::discard);
    }

    /** This module's copy of the admin spec, for {@link eco2.common.http.ServiceModule#docMounts()}. */
    public ApiDocs.Mount docs() {
        return new ApiDocs.Mount(SPEC, prefix);
    }

    /** {@code curl localhost:8082/api/v1/users/admin/stats -H "Authorization: Bearer $ADMIN"} */
    @OpenApi(
            path = BASE + "/stats",
            methods = HttpMethod.GET,
            versions = SPEC,
            tags = "admin",
            operationId = "getAdminStats",
            summary = "Service counts and queue depths",
            description = "Admin: outbox backlog, dead-letter depths (null while the broker is away) and the service's "
                    + "counts",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = AdminStats.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void stats(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        ctx.json(admin.stats());
    }

    /** {@code curl "localhost:8082/api/v1/users/admin/dead-letters/my.rewards?limit=20" -H "Authorization: Bearer $ADMIN"} */
    @OpenApi(
            path = BASE + "/dead-letters/{queue}",
            methods = HttpMethod.GET,
            versions = SPEC,
            tags = "admin",
            operationId = "listDeadLetters",
            summary = "List dead letters",
            description = "Admin: the oldest messages parked in a consumer queue's dead-letter queue, left in place",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "queue", required = true, description = "a queue listed in the stats"),
            queryParams = @OpenApiParam(name = "limit", type = Integer.class, description = "1-200, default 50"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = DeadLetterPage.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void browse(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        String queue = admin.deadLetters().resolve(ctx.pathParam("queue"));
        FieldErrors errors = new FieldErrors();
        int limit = QueryParams.intInRange(ctx, "limit", 50, 1, 200, errors);
        errors.throwIfAny();
        ctx.json(admin.deadLetters().browse(queue, limit));
    }

    /** {@code curl -XPOST localhost:8082/api/v1/users/admin/dead-letters/my.rewards/$ID/replay -H "Authorization: Bearer $ADMIN"} */
    @OpenApi(
            path = BASE + "/dead-letters/{queue}/{id}/replay",
            methods = HttpMethod.POST,
            versions = SPEC,
            tags = "admin",
            operationId = "replayDeadLetter",
            summary = "Replay a dead letter",
            description = "Admin: send a parked message back to its consumer's queue (confirmed), then drop it from the"
                    + " dead letters",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = {
                @OpenApiParam(name = "queue", required = true, description = "a queue listed in the stats"),
                @OpenApiParam(name = "id", required = true, description = "the message's id from the listing")
            },
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void replay(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        String queue = admin.deadLetters().resolve(ctx.pathParam("queue"));
        admin.deadLetters().replay(queue, ctx.pathParam("id"));
        ctx.status(204);
    }

    /** {@code curl -XDELETE localhost:8082/api/v1/users/admin/dead-letters/my.rewards/$ID -H "Authorization: Bearer $ADMIN"} */
    @OpenApi(
            path = BASE + "/dead-letters/{queue}/{id}",
            methods = HttpMethod.DELETE,
            versions = SPEC,
            tags = "admin",
            operationId = "discardDeadLetter",
            summary = "Discard a dead letter",
            description = "Admin: discard a parked message",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = {
                @OpenApiParam(name = "queue", required = true, description = "a queue listed in the stats"),
                @OpenApiParam(name = "id", required = true, description = "the message's id from the listing")
            },
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void discard(Context ctx) {
        auth.requireRole(ctx, Roles.ADMIN);
        String queue = admin.deadLetters().resolve(ctx.pathParam("queue"));
        admin.deadLetters().discard(queue, ctx.pathParam("id"));
        ctx.status(204);
    }
}
