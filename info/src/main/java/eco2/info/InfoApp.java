package eco2.info;

import eco2.common.http.HttpApp;
import eco2.common.http.Infra;
import io.javalin.Javalin;
import java.util.List;

/** info as a standalone app: the module plus the common plumbing. InfoMain and the tests start exactly this. */
public final class InfoApp {
    /** The title of the OpenAPI document info serves. */
    public static final String TITLE = "Eco² info";

    private InfoApp() {}

    public static Javalin create(InfoConfig config, Infra infra) {
        return create(config, infra, InfoModule.create(config, infra));
    }

    /** With the module built by the caller, e.g. a test that lists its routes. */
    public static Javalin create(InfoConfig config, Infra infra, InfoModule module) {
        return HttpApp.create(TITLE, config.http(), infra, List.of(module));
    }
}
