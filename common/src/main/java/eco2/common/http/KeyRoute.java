package eco2.common.http;

import eco2.common.security.ApiTier;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * A route that accepts {@code X-API-Key} (API.md's "key ok"), and the lowest tier it accepts. Every other route
 * answers 401 to a key, before the key is even looked at. {@code path} is the route's template; a {@code {param}}
 * segment matches any one segment.
 */
public record KeyRoute(HandlerType method, String path, ApiTier minTier) {
    public static KeyRoute get(String path) {
        return new KeyRoute(HandlerType.GET, path, ApiTier.FREE);
    }

    public static KeyRoute post(String path) {
        return new KeyRoute(HandlerType.POST, path, ApiTier.FREE);
    }

    public static KeyRoute delete(String path) {
        return new KeyRoute(HandlerType.DELETE, path, ApiTier.FREE);
    }

    public KeyRoute from(ApiTier tier) {
        return new KeyRoute(method, path, tier);
    }

    public boolean matches(HandlerType requestMethod, String requestPath) {
        HandlerType wanted = requestMethod == HandlerType.HEAD ? HandlerType.GET : requestMethod;
        return wanted == method && matches(requestPath);
    }

    boolean matches(String requestPath) {
        String trimmed = requestPath.length() > 1 && requestPath.endsWith("/")
                ? requestPath.substring(0, requestPath.length() - 1)
                : requestPath;
        String[] want = path.split("/", -1);
        String[] got = trimmed.split("/", -1);
        if (want.length != got.length) return false;
        for (int i = 0; i < want.length; i++) {
            boolean param = want[i].startsWith("{") && want[i].endsWith("}");
            if (param ? got[i].isEmpty() : !want[i].equals(got[i])) return false;
        }
        return true;
    }

    /** The first route that accepts this request, or null. */
    public static KeyRoute find(List<KeyRoute> routes, HandlerType method, String path) {
        for (KeyRoute route : routes) if (route.matches(method, path)) return route;
        return null;
    }
}
