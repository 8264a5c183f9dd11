package eco2.auth.account;

import eco2.common.error.ErrorEnvelope;
import eco2.common.http.Prefetch;
import eco2.common.json.JsonBody;
import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/** HTTP for accounts: register and "who am I". */
public final class AccountHandler {
    private final AccountService accounts;
    private final JsonBody json;
    private final Authenticator auth;

    public AccountHandler(AccountService accounts, JsonBody json, Authenticator auth) {
        this.accounts = accounts;
        this.json = json;
        this.auth = auth;
    }

    /**
     * {@code curl -XPOST localhost:8081/api/v1/auth/register -H 'Content-Type: application/json'
     * -d '{"email":"a@b.kr","username":"mina","password":"correct horse"}'}
     */
    @OpenApi(
            path = "/api/v1/auth/register",
            methods = HttpMethod.POST,
            versions = "auth",
            tags = "auth",
            operationId = "registerUser",
            summary = "Register",
            description =
                    "Create a local account: email and username (each unique), a password of 8-128 characters, and an optional invite_code that my pays the inviter for. Publishes user.registered.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = RegisterRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = RegisteredView.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "email or username taken",
                        content = @OpenApiContent(from = ErrorEnvelope.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void register(Context ctx) {
        RegisteredView created = accounts.register(json.read(ctx, RegisterRequest.class));
        ctx.status(201).header("Location", "/api/v1/auth/me").json(created);
    }

    /** {@code curl localhost:8081/api/v1/auth/me -H "Authorization: Bearer $TOKEN"} */
    @OpenApi(
            path = "/api/v1/auth/me",
            methods = HttpMethod.GET,
            versions = "auth",
            tags = "auth",
            operationId = "getMyAccount",
            summary = "Get my account",
            description = "The signed-in account: id, email, username, roles and whether it is active and verified.",
            security = @OpenApiSecurity(name = "BearerAuth"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = UserView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorEnvelope.class))
            })
    public void me(Context ctx) {
        ctx.contentType("application/json")
                .result(accounts.meJson(auth.require(ctx).userId(), Prefetch.of(ctx)));
    }
}
