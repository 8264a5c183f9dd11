package eco2.common.security;

import static net.logstash.logback.argument.StructuredArguments.entries;
import static net.logstash.logback.argument.StructuredArguments.kv;

import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events as structured JSON lines on the {@code eco2.security} logger: {@code event}, {@code user_id} (when
 * known) and a few named details. Inside a request the line also carries {@code request_id} and {@code client_ip}
 * (MDC). Never passwords, tokens, keys or bodies: callers pass ids, prefixes and outcomes only.
 */
public final class SecurityLog {
    private static final Logger log = LoggerFactory.getLogger("eco2.security");

    private SecurityLog() {}

    public static void event(String event, UUID userId) {
        event(event, userId, Map.of());
    }

    public static void event(String event, UUID userId, Map<String, ?> details) {
        log.info(
                "security {} {} {}",
                kv("event", event),
                kv("user_id", userId == null ? null : userId.toString()),
                entries(details));
    }
}
