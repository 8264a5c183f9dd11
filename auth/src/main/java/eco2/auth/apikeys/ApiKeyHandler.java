package eco2.auth.apikeys;

import eco2.common.error.ErrorEnvelope;
import eco2.common.http.PathIds;
import eco2.common.json.JsonBody;
import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.UUID;

/** HTTP for a signed-in user's API keys: create, list, revoke, rotate, usage. Keys cannot manage keys. */
public final class ApiKeyHandler {
    static final String BASE = "/api/v1/auth/api-keys";

    private final ApiKeyService keys;
    private final JsonBody json;
    private final Authenticator auth;

    public ApiKeyHandler(ApiKeyService keys, JsonBody json, Authenticator auth) {
        this.keys = keys;
        this.json = json;
        this.auth = auth;
    }

    /**
     * {@code curl -XPOST localhost:8081/api/v1/auth/api-keys -H "Authorization: Bearer $TOKEN"
     * -H 'Content-Type: application/json' -d '{"name":"kiosk"}'}
     */
    @OpenApi(
            path = BASE,
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "api keys",
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "Create an API key (the key is shown this once); tier free unless given, up to the account's "
                    + "entitlement; at most 10 active keys",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody =
                    @OpenApiRequestBody(required = true, content = @OpenApiContent(from = CreateKeyRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = NewKeyView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "tier above the account's entitlement",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "already 10 active keys",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void create(Context ctx) {
        UUID userId = auth.require(ctx).userId();
        NewKeyView created = keys.create(userId, json.read(ctx, CreateKeyRequest.class));
        ctx.status(201).header("Location", BASE + "/" + created.id()).json(created);
    }

    /** {@code curl localhost:8081/api/v1/auth/api-keys -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = BASE,
            methods = HttpMethod.GET,
            versions = "auth",
            tags = "api keys",
            operationId = "listApiKeys",
            summary = "List my API keys",
            description = "The caller's API keys, newest first (prefix only, never the key)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = KeyList.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void list(Context ctx) {
        ctx.json(keys.list(auth.require(ctx).userId()));
    }

    /** {@code curl -XDELETE localhost:8081/api/v1/auth/api-keys/<id> -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = BASE + "/{id}",
            methods = HttpMethod.DELETE,
            versions = "auth",
            tags = "api keys",
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "Revoke a key: every service refuses it within a second. Repeating it is harmless",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "revoked, but Redis could not be told: repeat the request",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void revoke(Context ctx) {
        keys.revoke(auth.require(ctx).userId(), id(ctx));
        ctx.status(204);
    }

    /**
     * {@code curl -XPOST localhost:8081/api/v1/auth/api-keys/<id>/rotate -H "Authorization: Bearer $TOKEN"
     * -H 'Content-Type: application/json' -d '{"grace_hours":1}'}
     */
    @OpenApi(
            path = BASE + "/{id}/rotate",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "api keys",
            operationId = "rotateApiKey",
            summary = "Rotate an API key",
            description = "A new key for this one (same name, tier and quota); the old key works until grace_hours "
                    + "(0-168, default 24) have passed. The body is optional",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = RotateRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = NewKeyView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "revoked, expired or already rotated",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void rotate(Context ctx) {
        UUID userId = auth.require(ctx).userId();
        UUID id = id(ctx);
        RotateRequest request =
                ctx.bodyAsBytes().length == 0 ? new RotateRequest(null) : json.read(ctx, RotateRequest.class);
        NewKeyView created = keys.rotate(userId, id, request);
        ctx.status(201).header("Location", BASE + "/" + created.id()).json(created);
    }

    /** {@code curl localhost:8081/api/v1/auth/api-keys/<id>/usage -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = BASE + "/{id}/usage",
            methods = HttpMethod.GET,
            versions = "auth",
            tags = "api keys",
            operationId = "getApiKeyUsage",
            summary = "API key usage this month",
            description =
                    "Requests this Asia/Seoul month (shared with the keys it was rotated from), the monthly quota "
                            + "and the per-minute rate",
            security = @OpenApiSecurity(name = "BearerAuth"),
            pathParams = @OpenApiParam(name = "id", type = UUID.class, required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = UsageView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void usage(Context ctx) {
        ctx.json(keys.usage(auth.require(ctx).userId(), id(ctx)));
    }

    private static UUID id(Context ctx) {
        return PathIds.parse(ctx.pathParam("id"), "No such API key");
    }
}
