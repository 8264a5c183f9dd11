package eco2.my.activity;

import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.common.http.QueryParams;
import eco2.common.security.Authenticator;
import eco2.common.security.Principal;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/** HTTP for the activity feed. */
public final class ActivityHandler {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ActivityService activities;
    private final Authenticator auth;

    public ActivityHandler(ActivityService activities, Authenticator auth) {
        this.activities = activities;
        this.auth = auth;
    }

    /** {@code curl 'localhost:8082/api/v1/users/me/activities?limit=20' -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/users/me/activities",
            methods = HttpMethod.GET,
            versions = "my",
            tags = "my",
            operationId = "listMyActivities",
            summary = "List my activities",
            description = "The caller's activities, newest first; pass next_cursor back as cursor for the next page",
            security = @OpenApiSecurity(name = "BearerAuth"),
            queryParams = {
                @OpenApiParam(name = "limit", type = Integer.class, description = "1-100, default 20"),
                @OpenApiParam(name = "cursor", description = "next_cursor from the previous page")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ActivityService.Page.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void list(Context ctx) {
        Principal caller = auth.require(ctx);
        FieldErrors errors = new FieldErrors();
        int limit = QueryParams.intInRange(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        errors.throwIfAny();
        String cursor = ctx.queryParam("cursor");
        FeedCursor after = cursor == null || cursor.isEmpty() ? null : FeedCursor.decode(cursor);
        ctx.json(activities.page(caller.userId(), limit, after));
    }
}
