package eco2.my.profile;

import eco2.common.error.ErrorEnvelope;
import eco2.common.http.Prefetch;
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

/** HTTP for the caller's own profile. */
public final class ProfileHandler {
    private final ProfileService profiles;
    private final JsonBody json;
    private final Authenticator auth;

    public ProfileHandler(ProfileService profiles, JsonBody json, Authenticator auth) {
        this.profiles = profiles;
        this.json = json;
        this.auth = auth;
    }

    /** {@code curl localhost:8082/api/v1/users/me -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/users/me",
            methods = HttpMethod.GET,
            versions = "my",
            tags = "my",
            operationId = "getMyProfile",
            summary = "Get my profile",
            description = "The caller's profile (created on first access if the registration event has not arrived)",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Profile.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void me(Context ctx) {
        Principal caller = auth.require(ctx);
        ctx.contentType("application/json")
                .result(profiles.meJson(caller.userId(), caller.username(), Prefetch.of(ctx)));
    }

    /** {@code curl -XDELETE localhost:8082/api/v1/users/me -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/users/me",
            methods = HttpMethod.DELETE,
            versions = "my",
            tags = "my",
            operationId = "deleteMyProfile",
            summary = "Delete my profile",
            description = "Soft-delete the profile; publishes user.deleted, after which auth refuses login for the "
                    + "account",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void delete(Context ctx) {
        Principal caller = auth.require(ctx);
        profiles.delete(caller.userId(), caller.username());
        ctx.status(204);
    }

    /** {@code curl -XPATCH localhost:8082/api/v1/users/me -H 'Content-Type: application/json' -d '{"nickname":"민아"}' ...} */
    @OpenApi(
            path = "/api/v1/users/me",
            methods = HttpMethod.PATCH,
            versions = "my",
            tags = "my",
            operationId = "updateMyProfile",
            summary = "Update my profile",
            description = "Change nickname (2-20 characters) and/or bio (up to 300); any other field is refused",
            security = @OpenApiSecurity(name = "BearerAuth"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ProfileUpdate.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Profile.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void update(Context ctx) {
        Principal caller = auth.require(ctx);
        ProfileUpdate change = json.read(ctx, ProfileUpdate.class);
        ctx.contentType("application/json").result(profiles.update(caller.userId(), caller.username(), change));
    }
}
