package eco2.common.http;

import eco2.common.ops.ApiDocs;
import eco2.common.ops.ReadinessCheck;
import eco2.common.ratelimit.RateLimitRule;
import eco2.common.security.ApiKeyLookup;
import io.javalin.Javalin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service's contribution to an HTTP app: its routes, what it needs to be ready, and its rate-limit
 * groups. The same module mounts alone (its own container) or beside the others (the dev launcher).
 */
public interface ServiceModule extends AutoCloseable {
    /** Short name; also the OpenAPI version its handlers are annotated with. */
    String name();

    void routes(Javalin app);

    /** Specs shared through {@code common} that this module mounts under its own prefix (its admin endpoints). */
    default List<ApiDocs.Mount> docMounts() {
        return List.of();
    }

    /** Descriptions of the OpenAPI tags this module's operations use, by tag name. */
    default Map<String, String> docTags() {
        return Map.of();
    }

    default List<ReadinessCheck> readiness() {
        return List.of();
    }

    default List<RateLimitRule> rateLimits() {
        return List.of();
    }

    /** Cache entries routes read for the caller, fetched in the rate limiter's round trip. */
    default List<Prefetch> prefetches() {
        return List.of();
    }

    /** The routes that accept {@code X-API-Key} (API.md's "key ok"); a key anywhere else is 401. */
    default List<KeyRoute> keyRoutes() {
        return List.of();
    }

    /**
     * Path prefixes whose form bodies carry multi-line text (an HTML form's textarea), where tab and newline are
     * allowed in form fields; everywhere else every parameter is single-line.
     */
    default List<String> multiLineForms() {
        return List.of();
    }

    /** Auth answers API-key lookups in-process when it is mounted in the same app; other modules have none. */
    default Optional<ApiKeyLookup> apiKeyLookup() {
        return Optional.empty();
    }

    /**
     * The first step of a graceful stop, while HTTP still serves: stop taking background work (event consumers)
     * and let what is running finish, until {@code deadline}. {@link #close()} follows once HTTP has stopped.
     */
    default void quiesce(Instant deadline) {}

    @Override
    default void close() {}
}
