package eco2.auth.keys;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;

/** Publishes the verification keys for every other service. */
public final class JwksHandler {
    private final KeyRing keys;

    public JwksHandler(KeyRing keys) {
        this.keys = keys;
    }

    /** {@code curl localhost:8081/api/v1/auth/.well-known/jwks.json} */
    @OpenApi(
            path = "/api/v1/auth/.well-known/jwks.json",
            methods = HttpMethod.GET,
            versions = "auth",
            tags = "auth",
            operationId = "getJwks",
            summary = "Token signing keys (JWKS)",
            description = "RS256 public keys (JWKS): the current key and, during rotation, the previous one",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Object.class)))
    public void jwks(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.json(keys.jwks());
    }
}
