package eco2.auth.session;

import eco2.common.error.BadRequest;
import eco2.common.error.ErrorEnvelope;
import eco2.common.error.FieldErrors;
import eco2.common.http.ClientIp;
import eco2.common.json.JsonBody;
import eco2.common.security.Authenticator;
import eco2.common.security.Principal;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiContentProperty;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/** HTTP for sessions: login, the OAuth2 password form, refresh and logout. */
public final class SessionHandler {
    private final SessionService sessions;
    private final JsonBody json;
    private final Authenticator auth;

    public SessionHandler(SessionService sessions, JsonBody json, Authenticator auth) {
        this.sessions = sessions;
        this.json = json;
        this.auth = auth;
    }

    /** {@code curl -XPOST localhost:8081/api/v1/auth/login -H 'Content-Type: application/json' -d '{"email":"mina","password":"correct horse"}'} */
    @OpenApi(
            path = "/api/v1/auth/login",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "login",
            summary = "Sign in",
            description =
                    "Sign in with email or username and password; answers an access token and a refresh token. Unknown user and wrong password get the same 401; 5 failed attempts a minute per IP and per account, then 429.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = LoginRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = TokenPair.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "too many failed attempts",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void login(Context ctx) {
        LoginRequest request = json.read(ctx, LoginRequest.class);
        ctx.json(sessions.login(request.email(), request.password(), ClientIp.meteredAs(ctx)));
    }

    /** OAuth2 password grant, so Swagger UI's Authorize button works. */
    @OpenApi(
            path = "/api/v1/auth/token",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "issueToken",
            summary = "Sign in (OAuth2 password form)",
            description = "OAuth2 password grant (form), same answer as login",
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            description = "application/x-www-form-urlencoded username (email or username) and "
                                    + "password, both required",
                            content =
                                    @OpenApiContent(
                                            type = "application/x-www-form-urlencoded",
                                            properties = {
                                                @OpenApiContentProperty(name = "username", type = "string"),
                                                @OpenApiContentProperty(name = "password", type = "string")
                                            })),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = TokenPair.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void token(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new BadRequest("Content-Type must be application/x-www-form-urlencoded");
        }
        LoginRequest request = new LoginRequest(ctx.formParam("username"), ctx.formParam("password"));
        FieldErrors errors = new FieldErrors();
        request.validate(errors);
        errors.throwIfAny();
        ctx.json(sessions.login(request.email(), request.password(), ClientIp.meteredAs(ctx)));
    }

    /** {@code curl -XPOST localhost:8081/api/v1/auth/refresh -H 'Content-Type: application/json' -d '{"refresh_token":"..."}'} */
    @OpenApi(
            path = "/api/v1/auth/refresh",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "refreshTokens",
            summary = "Refresh the tokens",
            description = "Rotate a refresh token; a reused token revokes its whole family",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = RefreshRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = TokenPair.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void refresh(Context ctx) {
        ctx.json(sessions.refresh(json.read(ctx, RefreshRequest.class).refreshToken()));
    }

    /** {@code curl -XPOST localhost:8081/api/v1/auth/logout -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/auth/logout",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "logout",
            summary = "Sign out",
            description = "Blacklist this access token and revoke the given refresh token's session",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = LogoutRequest.class)),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void logout(Context ctx) {
        Principal principal = auth.require(ctx);
        String refreshToken = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null
                ? json.read(ctx, LogoutRequest.class).refreshToken()
                : null;
        sessions.logout(principal, refreshToken);
        ctx.status(204);
    }
}
