package eco2.workers;

import eco2.common.http.HttpApp;
import eco2.common.http.Infra;
import io.javalin.Javalin;
import java.util.List;

/** workers as a standalone app: the module plus the common plumbing. WorkersMain and the tests start exactly this. */
public final class WorkersApp {
    /** The title of the OpenAPI document workers serves. */
    public static final String TITLE = "Eco² workers";

    private WorkersApp() {}

    public static Javalin create(WorkersConfig config, Infra infra) {
        return create(config, infra, WorkersModule.create(config, infra));
    }

    /** With the module built by the caller, e.g. a test that lists its routes. */
    public static Javalin create(WorkersConfig config, Infra infra, WorkersModule module) {
        return HttpApp.create(TITLE, config.http(), infra, List.of(module));
    }
}
