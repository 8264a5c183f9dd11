package eco2.location;

import eco2.common.http.HttpApp;
import eco2.common.http.Infra;
import io.javalin.Javalin;
import java.util.List;

/** location as a standalone app: the module plus the common plumbing. LocationMain and the tests start exactly this. */
public final class LocationApp {
    /** The title of the OpenAPI document location serves. */
    public static final String TITLE = "Eco² location";

    private LocationApp() {}

    public static Javalin create(LocationConfig config, Infra infra) {
        return create(config, infra, LocationModule.create(config, infra));
    }

    /** With the module built by the caller, e.g. a test that lists its routes. */
    public static Javalin create(LocationConfig config, Infra infra, LocationModule module) {
        return HttpApp.create(TITLE, config.http(), infra, List.of(module));
    }
}
