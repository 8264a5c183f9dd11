package eco2.common.http;

import eco2.common.redis.Prefetched;
import eco2.common.security.Principal;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.function.Function;

/**
 * A route's declaration that it will read one Redis key for the caller (e.g. {@code user:info:{id}}), so the
 * rate-limit round trip can fetch it too. The handler finds the value with {@link #of(Context)}.
 */
public record Prefetch(HandlerType method, String path, Function<Principal, String> key) {
    private static final String ATTRIBUTE = "eco2.prefetched";

    public boolean matches(Context ctx) {
        return ctx.method() == method && ctx.path().equals(path);
    }

    public static void store(Context ctx, Prefetched prefetched) {
        ctx.attribute(ATTRIBUTE, prefetched);
    }

    /** What the gate fetched for this request, or null when it did not (limits off, Redis down). */
    public static Prefetched of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
