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
        return find(List.of(this), requestMethod, requestPath) != null;
    }

    /** The first route that accepts this request, or null. */
    public static KeyRoute find(List<KeyRoute> routes, HandlerType method, String path) {
        return new Table(routes).find(method, path);
    }

    /** Routes split into segments once, so a request is matched with one split of its own path. */
    public static final class Table {
        private final List<KeyRoute> routes;
        private final List<String[]> segments;

        public Table(List<KeyRoute> routes) {
            this.routes = List.copyOf(routes);
            this.segments =
                    this.routes.stream().map(r -> r.path().split("/", -1)).toList();
        }

        public KeyRoute find(HandlerType requestMethod, String requestPath) {
            HandlerType method = requestMethod == HandlerType.HEAD ? HandlerType.GET : requestMethod;
            String trimmed = requestPath.length() > 1 && requestPath.endsWith("/")
                    ? requestPath.substring(0, requestPath.length() - 1)
                    : requestPath;
            String[] got = trimmed.split("/", -1);
            for (int r = 0; r < routes.size(); r++) {
                if (routes.get(r).method() == method && same(segments.get(r), got)) return routes.get(r);
            }
            return null;
        }

        private static boolean same(String[] want, String[] got) {
            if (want.length != got.length) return false;
            for (int i = 0; i < want.length; i++) {
                boolean param = want[i].startsWith("{") && want[i].endsWith("}");
                if (param ? got[i].isEmpty() : !want[i].equals(got[i])) return false;
            }
            return true;
        }
    }
}
