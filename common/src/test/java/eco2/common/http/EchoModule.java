package eco2.common.http;

import eco2.common.error.FieldErrors;
import eco2.common.json.MultiLine;
import eco2.common.json.Validated;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitRule;
import eco2.common.security.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A minimal service for exercising the plumbing: JSON, query, path and form input, an upload, a protected route,
 * a crash, a GET-only route.
 */
final class EchoModule implements ServiceModule {
    static final String SECRET = "jdbc:postgresql://db/eco2?password=hunter2";
    static final RateLimitPolicy STRICT = RateLimitPolicy.closed("strict", 1, Duration.ofMinutes(1));

    private final Infra infra;

    EchoModule(Infra infra) {
        this.infra = infra;
    }

    /** The body of {@code POST /echo/{id}}. */
    record EchoBody(
            String message, Integer count, @MultiLine String note, List<String> tags) implements Validated {
        @Override
        public void validate(FieldErrors errors) {
            errors.check(message == null || message.isBlank(), "message", "is required");
            if (count != null) errors.check(count < 1, "count", "must be at least 1");
        }
    }

    /** What {@code POST /echo/{id}} answers. */
    record Echo(String id, String message, Integer count) {}

    /** Like an HTML form with a textarea. */
    @Override
    public List<String> multiLineForms() {
        return List.of("/notes/");
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public void routes(Javalin app) {
        app.post("/echo/{id}", this::echo);
        app.get("/find/{term}", ctx -> ctx.json(Map.of("term", ctx.pathParam("term"), "query", ctx.queryParamMap())));
        app.post("/text", ctx -> ctx.json(Map.of("length", ctx.body().length())));
        app.post("/form", ctx -> ctx.json(ctx.formParamMap()));
        app.post("/notes/form", ctx -> ctx.json(ctx.formParamMap()));
        app.post(
                "/upload",
                ctx -> ctx.json(Map.of("bytes", ctx.uploadedFile("file").size())));
        app.get("/me", this::me);
        app.get("/api/me", this::me);
        app.get("/boom", ctx -> {
            throw new IllegalStateException("cannot reach " + SECRET);
        });
        app.get("/get-only", ctx -> ctx.json(Map.of("ok", true)));
        app.get("/api/ping", ctx -> ctx.json(Map.of("pong", true)));
        app.get("/api/strict/ping", ctx -> ctx.json(Map.of("pong", true)));
    }

    @Override
    public List<RateLimitRule> rateLimits() {
        return List.of(new RateLimitRule("/api/strict/", STRICT));
    }

    private void echo(Context ctx) {
        EchoBody body = infra.jsonBody().read(ctx, EchoBody.class);
        ctx.json(new Echo(ctx.pathParam("id"), body.message(), body.count()));
    }

    private void me(Context ctx) {
        Principal principal = infra.authenticator().require(ctx);
        ctx.json(Map.of("user_id", principal.userId().toString(), "token_id", principal.tokenId()));
    }
}
