package eco2.common.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One JSON log line per request: request id (from MDC), method, path, status, duration. Never headers or bodies. */
public final class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("eco2.access");

    private AccessLog() {}

    public static void write(Context ctx, float millis) {
        try {
            log.info(
                    "{} {} {}",
                    kv("method", ctx.method().name()),
                    kv("path", ctx.path()),
                    kv("status", ctx.statusCode()),
                    kv("duration_ms", Math.round(millis * 100) / 100.0));
        } finally {
            MDC.remove("request_id");
        }
    }
}
