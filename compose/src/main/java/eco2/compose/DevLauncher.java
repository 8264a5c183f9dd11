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
import eco2.info.InfoConfig;
import eco2.info.InfoModule;
import eco2.location.LocationConfig;
import eco2.location.LocationModule;
import eco2.my.MyConfig;
import eco2.my.MyModule;
import eco2.workers.WorkersConfig;
import eco2.workers.WorkersModule;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service in one JVM on one base URL (http://localhost:8080), for local development:
 * {@code java -jar compose/target/eco2-dev.jar}. With no DATABASE_URL/REDIS_URL/AMQP_URL it starts embedded
 * servers, so a JDK is all a newcomer needs.
 */
public final class DevLauncher {
    /** The title of the OpenAPI document the launcher serves. */
    public static final String TITLE = "Eco² (dev, all services)";

    private DevLauncher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> system = System.getenv();
        Path dataDir = Path.of(system.getOrDefault("ECO2_DEV_DIR", ".eco2-dev"));
        DevInfra devInfra = DevInfra.resolve(system, dataDir);
        Map<String, String> vars = new HashMap<>(system);
        vars.putAll(devInfra.overlay());
        vars.putIfAbsent("PORT", "8080");
        vars.putIfAbsent(
                "JWT_DEV_KEY_FILE", dataDir.resolve("jwt-signing-key.pem").toString());
        vars.putIfAbsent("MAILBOX_DIR", dataDir.resolve("mailbox").toString());
        // Workers reach info and location over HTTP, and the admin panel every service, here at the launcher's own
        // base URL.
        String self = "http://127.0.0.1:" + vars.get("PORT");
        for (String service : List.of("AUTH_URL", "MY_URL", "INFO_URL", "LOCATION_URL", "WORKERS_URL"))
            vars.putIfAbsent(service, self);
        Env env = new Env(vars);

        AuthConfig auth = AuthConfig.fromEnv(env);
        env.requireComplete();
        KeyRing keys = KeyRingLoader.load(auth.signingKeyPem(), auth.previousPublicKeyPem(), auth.devKeyFile());
        // In one JVM every module verifies tokens against auth's key ring directly.
        Infra infra = Infra.create(
                auth.redisUrl(),
                keys,
                auth.issuer(),
                auth.rateLimits(),
                Clock.systemUTC(),
                Infra.DEFAULT_AUTH_URL,
                auth.accessTokenTtl());
        WorkersModule workers = WorkersModule.create(WorkersConfig.fromEnv(env), infra);
        List<ServiceModule> modules = List.of(
                AuthModule.create(auth, infra, keys),
                MyModule.create(MyConfig.fromEnv(env), infra),
                LocationModule.create(LocationConfig.fromEnv(env), infra),
                InfoModule.create(InfoConfig.fromEnv(env), infra),
                workers);
        HttpSettings http = auth.http();
        Javalin app = HttpApp.create(TITLE, http, infra, modules);
        infra.lifecycle().closeAfterwards(infra).closeAfterwards(devInfra).stopOnSignals();
        infra.lifecycle().start(app, http.port());
        List<String> report = new ArrayList<>(devInfra.report());
        report.add(workers.mailReport());
        report.add(workers.llmReport());
        printBanner(app.port(), report);
    }

    private static void printBanner(int port, List<String> infra) {
        StringBuilder out = new StringBuilder("\nEco² dev stack is up\n");
        out.append("  API         http://localhost:").append(port).append("/api/v1\n");
        out.append("  Swagger UI  http://localhost:").append(port).append("/docs\n");
        out.append("  ReDoc       http://localhost:").append(port).append("/redoc\n");
        out.append("  Health      http://localhost:").append(port).append("/ready\n");
        out.append("  Admin       http://localhost:").append(port).append("/admin\n");
        infra.forEach(line -> out.append("  ").append(line).append('\n'));
        System.out.println(out);
    }
}
