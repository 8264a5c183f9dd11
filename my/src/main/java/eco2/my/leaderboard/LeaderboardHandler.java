package eco2.my.leaderboard;

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

/** HTTP for the weekly leaderboard. */
public final class LeaderboardHandler {
    private final Leaderboard leaderboard;
    private final Authenticator auth;

    public LeaderboardHandler(Leaderboard leaderboard, Authenticator auth) {
        this.leaderboard = leaderboard;
        this.auth = auth;
    }

    /** {@code curl 'localhost:8082/api/v1/users/leaderboard?period=weekly&limit=10' -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/users/leaderboard",
            methods = HttpMethod.GET,
            versions = "my",
            tags = "my",
            operationId = "getLeaderboard",
            summary = "Weekly leaderboard",
            description = "This ISO week's top points (Asia/Seoul) and the caller's rank (null without points this "
                    + "week)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            queryParams = {
                @OpenApiParam(name = "period", description = "weekly (the only one so far)"),
                @OpenApiParam(name = "limit", type = Integer.class, description = "1-100, default 10")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Leaderboard.Board.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void weekly(Context ctx) {
        Principal caller = auth.require(ctx);
        FieldErrors errors = new FieldErrors();
        String period = ctx.queryParam("period");
        errors.check(period != null && !period.equals("weekly"), "period", "must be weekly");
        int limit = QueryParams.intInRange(ctx, "limit", 10, 1, 100, errors);
        errors.throwIfAny();
        ctx.json(leaderboard.weekly(caller.userId(), limit));
    }
}
