package eco2.auth.oauth;

import eco2.auth.session.TokenPair;
import eco2.common.error.ErrorEnvelope;
import eco2.common.json.JsonBody;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

/**
 * HTTP for sign-in with Kakao or Google. The start also sets the binding as a cookie scoped to the OAuth paths, so
 * a browser proves it started the flow without any script touching the value; apps send it in the callback body.
 */
public final class OAuthHandler {
    static final String BINDING_COOKIE = "eco2_oauth_binding";
    private static final String COOKIE_PATH = "/api/v1/auth/oauth";

    private final OAuthService oauth;
    private final JsonBody json;
    private final boolean secureCookie;

    public OAuthHandler(OAuthService oauth, JsonBody json, boolean secureCookie) {
        this.oauth = oauth;
        this.json = json;
        this.secureCookie = secureCookie;
    }

    /** {@code curl 'localhost:8081/api/v1/auth/oauth/kakao?redirect_uri=http://localhost:8080/oauth/callback'} */
    @OpenApi(
            path = "/api/v1/auth/oauth/{provider}",
            methods = HttpMethod.GET,
            versions = "auth",
            tags = "auth",
            operationId = "startOAuth",
            summary = "Start provider sign-in",
            description =
                    "Start signing in with a provider: the URL to send the user to, its single-use state (10 min) "
                            + "and the binding the callback must bring back (also set as the HttpOnly cookie "
                            + BINDING_COOKIE + ")",
            pathParams = @OpenApiParam(name = "provider", required = true, description = "kakao or google"),
            queryParams =
                    @OpenApiParam(name = "redirect_uri", description = "one of OAUTH_REDIRECT_URIS; default the first"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = OAuthStart.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "unknown provider",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "422",
                        description = "redirect_uri not allowed",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "provider not configured, or Redis down",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void start(Context ctx) {
        OAuthStart started =
                oauth.start(ctx.pathParam("provider"), ctx.queryParam("redirect_uri"), ctx.cookie(BINDING_COOKIE));
        ctx.header(
                "Set-Cookie",
                BINDING_COOKIE + "=" + started.binding() + "; Path=" + COOKIE_PATH + "; Max-Age="
                        + PendingSignIns.TTL.toSeconds() + "; HttpOnly; SameSite=Lax"
                        + (secureCookie ? "; Secure" : ""));
        ctx.json(started);
    }

    /**
     * {@code curl -XPOST localhost:8081/api/v1/auth/oauth/kakao/callback -H 'Content-Type: application/json'
     * -d '{"code":"...","state":"..."}'}
     */
    @OpenApi(
            path = "/api/v1/auth/oauth/{provider}/callback",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "finishOAuth",
            summary = "Finish provider sign-in",
            description = "Finish signing in: the account is found by the link, linked by a verified email, or created",
            pathParams = @OpenApiParam(name = "provider", required = true, description = "kakao or google"),
            requestBody =
                    @OpenApiRequestBody(required = true, content = @OpenApiContent(from = OAuthCallbackRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = TokenPair.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "state unknown, expired, reused or for another provider; binding missing or "
                                + "wrong; code rejected",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "the email belongs to an account that cannot be linked",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "502",
                        description = "the provider failed",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "the provider did not answer, or is not configured",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void callback(Context ctx) {
        String provider = ctx.pathParam("provider");
        ctx.json(oauth.complete(provider, json.read(ctx, OAuthCallbackRequest.class), ctx.cookie(BINDING_COOKIE)));
    }
}
