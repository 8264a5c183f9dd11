package eco2.my.points;

import eco2.common.error.ErrorEnvelope;
import eco2.common.http.Prefetch;
import eco2.common.security.Authenticator;
import eco2.common.security.Principal;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/** HTTP for points: the balance, the level, and the daily check-in. */
public final class PointsHandler {
    private final PointsService points;
    private final Authenticator auth;

    public PointsHandler(PointsService points, Authenticator auth) {
        this.points = points;
        this.auth = auth;
    }

    /** Body of GET /me/level. */
    public record LevelView(int level, long minPoints, Long maxPoints, double progress) {}

    /** Body of POST /me/check-in. */
    public record CheckInView(int pointsEarned, long points, int level, boolean levelUp) {}

    @OpenApi(
            path = "/api/v1/users/me/points",
            methods = HttpMethod.GET,
            versions = "my",
            tags = "my",
            operationId = "getMyPoints",
            summary = "Get my points",
            description = "Points balance, level and where the next level starts (null at the top)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = PointsView.class)))
    public void points(Context ctx) {
        Principal caller = auth.require(ctx);
        ctx.contentType("application/json")
                .result(points.pointsJson(caller.userId(), caller.username(), Prefetch.of(ctx)));
    }

    @OpenApi(
            path = "/api/v1/users/me/level",
            methods = HttpMethod.GET,
            versions = "my",
            tags = "my",
            operationId = "getMyLevel",
            summary = "Get my level",
            description = "Level with its point range (max null at the top) and progress through it (0-1)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = LevelView.class)))
    public void level(Context ctx) {
        Principal caller = auth.require(ctx);
        long balance = points.balance(caller.userId(), caller.username());
        int level = Levels.of(balance);
        ctx.json(new LevelView(level, Levels.minPoints(level), Levels.maxPoints(level), Levels.progress(balance)));
    }

    /** {@code curl -XPOST localhost:8082/api/v1/users/me/check-in -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/users/me/check-in",
            methods = HttpMethod.POST,
            versions = "my",
            tags = "my",
            operationId = "checkIn",
            summary = "Daily check-in",
            description = "+5 points once per calendar day (Asia/Seoul); a second call the same day is 409",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = CheckInView.class)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void checkIn(Context ctx) {
        Principal caller = auth.require(ctx);
        Award award = points.checkIn(caller.userId(), caller.username());
        ctx.json(new CheckInView(award.pointsEarned(), award.points(), award.level(), award.leveledUp()));
    }
}
