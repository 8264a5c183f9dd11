package eco2.auth.mail;

import eco2.common.error.ErrorEnvelope;
import eco2.common.json.JsonBody;
import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/** HTTP for email verification: ask for a link, then redeem it. */
public final class EmailVerificationHandler {
    private final EmailVerificationService verification;
    private final JsonBody json;
    private final Authenticator auth;

    public EmailVerificationHandler(EmailVerificationService verification, JsonBody json, Authenticator auth) {
        this.verification = verification;
        this.json = json;
        this.auth = auth;
    }

    /** {@code curl -XPOST localhost:8081/api/v1/auth/verify-email/request -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/auth/verify-email/request",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "requestEmailVerification",
            summary = "Request email verification",
            description =
                    "Mail a verification link (valid 24 h; only the newest link works), in the Accept-Language language",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "202", description = "the mail is queued"),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "already verified, or no email",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "429", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void request(Context ctx) {
        verification.request(auth.require(ctx).userId(), MailLanguage.of(ctx));
        ctx.status(202);
    }

    /** {@code curl -XPOST localhost:8081/api/v1/auth/verify-email -H 'Content-Type: application/json' -d '{"token":"..."}'} */
    @OpenApi(
            path = "/api/v1/auth/verify-email",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "verifyEmail",
            summary = "Verify the email",
            description = "Redeem a verification link's token",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = TokenRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = VerifiedView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "token invalid, expired or used",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void verify(Context ctx) {
        ctx.json(verification.verify(json.read(ctx, TokenRequest.class).token()));
    }
}
