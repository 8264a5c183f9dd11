package eco2.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eco2.auth.AuthConfig;
import eco2.auth.AuthModule;
import eco2.auth.keys.KeyRing;
import eco2.auth.keys.KeyRingLoader;
import eco2.common.config.Env;
import eco2.common.http.HttpApp;
import eco2.common.http.Infra;
import eco2.common.http.ServiceModule;
import eco2.common.testing.TestServices;
import eco2.info.InfoConfig;
import eco2.info.InfoMain;
import eco2.info.InfoModule;
import eco2.location.LocationConfig;
import eco2.location.LocationMain;
import eco2.location.LocationModule;
import eco2.my.MyConfig;
import eco2.my.MyMain;
import eco2.my.MyModule;
import eco2.workers.WorkersConfig;
import eco2.workers.WorkersMain;
import eco2.workers.WorkersModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code openapi/*.json} are the documents the apps serve: each service on its own, and the dev
 * launcher (all of them, {@code eco2.json}). The static checks lint these files with Spectral and the client module
 * generates its Java client from {@code eco2.json}, so a change to an annotation shows up here first. After such a
 * change, rewrite them with {@code mvn -pl compose -am verify -Dit.test=OpenApiFilesIT -Deco2.openapi.write=true}.
 */
class OpenApiFilesIT {
    static final Path DIR = Path.of("..", "openapi");

    @Test
    void theCheckedInSpecsAreTheServedOnes() throws Exception {
        TestServices services = TestServices.get();
        Map<String, String> vars = services.serviceEnv(services.freshDatabase(), "auth");
        vars.remove("DB_USER"); // each module connects as its own schema's role, as in the launcher
        // Nothing listens there: the workers' consumers would otherwise bind the production queue names.
        vars.put("AMQP_URL", "amqp://guest:guest@127.0.0.1:1/%2F");
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
            ObjectMapper mapper = infra.mapper();
            Map<String, String> served = new LinkedHashMap<>();
            List<String> titles =
                    List.of("Eco² auth", MyMain.TITLE, LocationMain.TITLE, InfoMain.TITLE, WorkersMain.TITLE);
            for (int i = 0; i < modules.size(); i++) {
                ServiceModule module = modules.get(i);
                served.put(module.name(), HttpApp.openApi(titles.get(i), mapper, List.of(module)));
            }
            served.put("eco2", HttpApp.openApi(DevLauncher.TITLE, mapper, modules));

            boolean write = Boolean.getBoolean("eco2.openapi.write");
            for (Map.Entry<String, String> spec : served.entrySet()) {
                Path file = DIR.resolve(spec.getKey() + ".json");
                if (write) {
                    Files.createDirectories(DIR);
                    Files.writeString(file, spec.getValue() + "\n");
                    continue;
                }
                assertThat(file)
                        .as("run with -Deco2.openapi.write=true to create it")
                        .exists();
                assertThat(mapper.readTree(file.toFile()))
                        .as("%s differs from what is served; rewrite it with -Deco2.openapi.write=true", file)
                        .isEqualTo(mapper.readTree(spec.getValue()));
            }
        } finally {
            modules.forEach(ServiceModule::close);
            infra.close();
        }
    }
}
