package eco2.my.settings;

import eco2.common.error.ErrorEnvelope;
import eco2.common.json.JsonBody;
import eco2.common.security.Authenticator;
import eco2.common.security.Principal;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/** HTTP for the caller's preferences. */
public final class SettingsHandler {
    private final SettingsService settings;
    private final JsonBody json;
    private final Authenticator auth;

    public SettingsHandler(SettingsService settings, JsonBody json, Authenticator auth) {
        this.settings = settings;
        this.json = json;
        this.auth = auth;
    }

    @OpenApi(
            path = "/api/v1/users/me/settings",
            methods = HttpMethod.GET,
            versions = "my",
            tags = "my",
            operationId = "getMySettings",
            summary = "Get my settings",
            description = "Preferences; defaults are notifications on, language ko, theme system",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Settings.class)))
    public void get(Context ctx) {
        ctx.json(settings.get(auth.require(ctx).userId()));
    }

    /** {@code curl -XPATCH .../api/v1/users/me/settings -H 'Content-Type: application/json' -d '{"theme":"dark"}' ...} */
    @OpenApi(
            path = "/api/v1/users/me/settings",
            methods = HttpMethod.PATCH,
            versions = "my",
            tags = "my",
            operationId = "updateMySettings",
            summary = "Update my settings",
            description = "Change any of notification_enabled, language (ko|en), theme (light|dark|system)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = SettingsUpdate.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Settings.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void update(Context ctx) {
        Principal caller = auth.require(ctx);
        ctx.json(settings.update(caller.userId(), caller.username(), json.read(ctx, SettingsUpdate.class)));
    }
}
