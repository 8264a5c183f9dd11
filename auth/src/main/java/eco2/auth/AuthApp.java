package eco2.auth;

import eco2.auth.keys.KeyRing;
import eco2.common.http.HttpApp;
import eco2.common.http.Infra;
import io.javalin.Javalin;
import java.util.List;

/** Auth as a standalone app: the module plus the common plumbing. Tests start exactly this. */
public final class AuthApp {
    /** The title of the OpenAPI document auth serves. */
    public static final String TITLE = "Eco² auth";

    private AuthApp() {}

    public static Javalin create(AuthConfig config, Infra infra, KeyRing keys) {
        return HttpApp.create(TITLE, config.http(), infra, List.of(AuthModule.create(config, infra, keys)));
    }
}
