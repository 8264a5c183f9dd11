package eco2.auth.apikeys;

import eco2.common.error.ErrorEnvelope;
import eco2.common.json.JsonBody;
import eco2.common.security.ApiKeyLookup;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

/**
 * The internal endpoint other services call for a key their Redis does not know. It is outside {@code /api/}, so
 * neither the gateway nor the Ingress routes it; it learns nothing a caller could not learn by trying the key.
 */
public final class ApiKeyLookupHandler {
    private final ApiKeyService keys;
    private final JsonBody json;

    public ApiKeyLookupHandler(ApiKeyService keys, JsonBody json) {
        this.keys = keys;
        this.json = json;
    }

    @OpenApi(
            path = ApiKeyLookup.PATH,
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "internal",
            operationId = "lookupApiKey",
            summary = "Look up an API key (service to service)",
            description =
                    "Service to auth: is this key (prefix and SHA-256) valid? Also writes apikey:{prefix} to Redis",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = LookupRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = LookupView.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void lookup(Context ctx) {
        LookupRequest request = json.read(ctx, LookupRequest.class);
        ctx.json(new LookupView(keys.lookup(request.prefix(), request.keySha256())));
    }
}
