package eco2.compose;

import eco2.auth.AuthConfig;
import eco2.auth.AuthModule;
import eco2.auth.keys.KeyRing;
import eco2.auth.keys.KeyRingLoader;
import eco2.common.config.Env;
import eco2.common.http.HttpApp;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.http.ServiceModule;
import eco2.common.testing.TestServices;
import eco2.info.InfoConfig;
import eco2.info.InfoModule;
import eco2.location.LocationConfig;
import eco2.location.LocationModule;
import eco2.my.MyConfig;
import eco2.my.MyModule;
import eco2.workers.WorkersConfig;
import eco2.workers.WorkersModule;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every module on one {@link Infra}, configured from the environment as {@link DevLauncher} does, but in a fresh
 * database of the test services. No broker: nothing listens on the AMQP URL, so the consumers keep retrying instead
 * of binding the production queue names other runs may use.
 */
public final class AllServices implements AutoCloseable {
    public final Infra infra;
    /** auth, my, location, info, workers: the launcher's order. */
    public final List<ServiceModule> modules;

    private AllServices(Infra infra, List<ServiceModule> modules) {
        this.infra = infra;
        this.modules = modules;
    }

    public static AllServices create() throws IOException {
        TestServices services = TestServices.get();
        Map<String, String> vars = services.serviceEnv(services.freshDatabase(), "auth");
        vars.remove("DB_USER"); // each module connects as its own schema's role, as in the launcher
        vars.put("AMQP_URL", "amqp://guest:guest@127.0.0.1:1/%2F");
        vars.put("RATE_LIMIT_ENABLED", "false");
        vars.put(
                "JWT_DEV_KEY_FILE",
                Files.createTempDirectory("jwt").resolve("key.pem").toString());
        vars.put("MAILBOX_DIR", Files.createTempDirectory("mailbox").toString());
        Env env = new Env(vars);
        AuthConfig auth = AuthConfig.fromEnv(env);
        KeyRing keys = KeyRingLoader.load(auth.signingKeyPem(), auth.previousPublicKeyPem(), auth.devKeyFile());
        Infra infra = Infra.create(auth.redisUrl(), keys, auth.issuer(), auth.rateLimits(), Clock.systemUTC());
        List<ServiceModule> modules = new ArrayList<>();
        try {
            modules.add(AuthModule.create(auth, infra, keys));
            modules.add(MyModule.create(MyConfig.fromEnv(env), infra));
            modules.add(LocationModule.create(LocationConfig.fromEnv(env), infra));
            modules.add(InfoModule.create(InfoConfig.fromEnv(env), infra));
            modules.add(WorkersModule.create(WorkersConfig.fromEnv(env), infra));
        } catch (RuntimeException e) {
            modules.forEach(ServiceModule::close);
            infra.close();
            throw e;
        }
        return new AllServices(infra, List.copyOf(modules));
    }

    /** The launcher's app on a free port; stopping it closes the modules. */
    public Javalin start() {
        return HttpApp.create(DevLauncher.TITLE, HttpSettings.forTests(), infra, modules)
                .start(0);
    }

    /** Closes the modules (when no app was started) and the shared plumbing. */
    @Override
    public void close() {
        modules.forEach(ServiceModule::close);
        infra.close();
    }
}
