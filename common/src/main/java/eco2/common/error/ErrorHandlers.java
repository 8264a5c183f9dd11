package eco2.common.error;

import eco2.common.http.RequestIds;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Maps every failure, expected or not, to the error envelope; the one place where that happens. */
public final class ErrorHandlers {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandlers.class);
    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(400, "bad_request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload_too_large"),
            Map.entry(422, "validation_error"),
            Map.entry(429, "rate_limited"),
            Map.entry(431, "bad_request"),
            Map.entry(503, "unavailable"));
    private static final Map<Integer, String> MESSAGES =
            Map.of(404, "Not found", 405, "Method not allowed", 413, "Request body is too large", 400, "Bad request");

    private ErrorHandlers() {}

    public static void register(Javalin app) {
        app.exception(RateLimited.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            write(ctx, e.status(), e.code(), e.getMessage(), e.errors());
        });
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.errors()));
        app.exception(HttpResponseException.class, (e, ctx) -> writeStatus(ctx, e.getStatus()));
        ParsingFailures.register(app);
        app.exception(JedisConnectionException.class, (e, ctx) -> dependencyDown(ctx, "redis", e));
        app.exception(ConnectionException.class, (e, ctx) -> dependencyDown(ctx, "postgres", e));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_error", "Internal server error", List.of());
        });
        // Statuses set without an exception (e.g. by Javalin itself) still get an envelope.
        for (int status : new int[] {404, 405, 413}) {
            app.error(status, ctx -> {
                if (ctx.resultInputStream() == null) writeStatus(ctx, status);
            });
        }
    }

    private static void dependencyDown(Context ctx, String dependency, Exception e) {
        log.warn("{} unavailable on {} {}: {}", dependency, ctx.method(), ctx.path(), e.toString());
        write(ctx, 503, "unavailable", "A dependency is unavailable; try again shortly", List.of());
    }

    /** Writes the envelope for a bare status, with a generic message that never echoes internals. */
    public static void writeStatus(Context ctx, int status) {
        write(ctx, status, codeFor(status), messageFor(status), List.of());
    }

    public static String codeFor(int status) {
        return CODES.getOrDefault(status, status >= 500 ? "internal_error" : "bad_request");
    }

    public static String messageFor(int status) {
        return MESSAGES.getOrDefault(status, status >= 500 ? "Internal server error" : "Bad request");
    }

    public static void write(Context ctx, int status, String code, String message, List<FieldError> errors) {
        ctx.status(status).json(ErrorEnvelope.of(code, message, errors, RequestIds.of(ctx)));
    }
}
