package eco2.common.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import eco2.common.security.Authenticator;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One JSON log line per request: request id and client IP (from MDC), method, path, status, duration, and the
 * signed-in user's id when there is one. Never headers or bodies.
 */
public final class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("eco2.access");

    private AccessLog() {}

    public static void write(Context ctx, float millis) {
        try {
            log.info(
                    "{} {} {} {} {}",
                    kv("method", ctx.method().name()),
                    kv("path", ctx.path()),
                    kv("status", ctx.statusCode()),
                    kv("duration_ms", Math.round(millis * 100) / 100.0),
                    kv("user_id", Authenticator.userIdSeen(ctx)));
        } finally {
            MDC.remove("request_id");
            MDC.remove("client_ip");
        }
    }
}
