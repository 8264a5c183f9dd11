package eco2.my;

import eco2.common.http.HttpApp;
import eco2.common.http.Infra;
import io.javalin.Javalin;
import java.util.List;

/** my as a standalone app: the module plus the common plumbing. MyMain and the tests start exactly this. */
public final class MyApp {
    /** The title of the OpenAPI document my serves. */
    public static final String TITLE = "Eco² my";

    private MyApp() {}

    public static Javalin create(MyConfig config, Infra infra) {
        return create(config, infra, MyModule.create(config, infra));
    }

    /** With the module built by the caller, e.g. a test that lists its routes. */
    public static Javalin create(MyConfig config, Infra infra, MyModule module) {
        return HttpApp.create(TITLE, config.http(), infra, List.of(module));
    }
}
