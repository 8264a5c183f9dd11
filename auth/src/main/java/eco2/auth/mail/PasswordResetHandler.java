package eco2.auth.mail;

import eco2.common.error.ErrorEnvelope;
import eco2.common.json.JsonBody;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

/** HTTP for password reset: ask for a link (no enumeration), then set a new password with it. */
public final class PasswordResetHandler {
    private final PasswordResetService resets;
    private final JsonBody json;

    public PasswordResetHandler(PasswordResetService resets, JsonBody json) {
        this.resets = resets;
        this.json = json;
    }

    /** {@code curl -XPOST localhost:8081/api/v1/auth/reset-password/request -H 'Content-Type: application/json' -d '{"email":"a@b.kr"}'} */
    @OpenApi(
            path = "/api/v1/auth/reset-password/request",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "requestPasswordReset",
            summary = "Request a password reset",
            description =
                    "Mail a reset link (valid 30 min) if an active account has this email; the answer is 202 either way",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ResetRequest.class)),
            responses = {
                @OpenApiResponse(status = "202", description = "accepted, whether or not the account exists"),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "too many requests from this IP or for this address",
                        content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void request(Context ctx) {
        resets.request(json.read(ctx, ResetRequest.class).email(), MailLanguage.of(ctx));
        ctx.status(202);
    }

    /** {@code curl -XPOST localhost:8081/api/v1/auth/reset-password -H 'Content-Type: application/json' -d '{"token":"...","new_password":"..."}'} */
    @OpenApi(
            path = "/api/v1/auth/reset-password",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "resetPassword",
            summary = "Reset the password",
            description = "Set a new password with a reset link's token; every session of the account is revoked",
            requestBody =
                    @OpenApiRequestBody(required = true, content = @OpenApiContent(from = NewPasswordRequest.class)),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "400",
                        description = "token invalid, expired or used",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void reset(Context ctx) {
        NewPasswordRequest request = json.read(ctx, NewPasswordRequest.class);
        resets.reset(request.token(), request.newPassword());
        ctx.status(204);
    }
}
