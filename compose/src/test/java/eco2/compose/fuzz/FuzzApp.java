package eco2.compose.fuzz;

import eco2.auth.AuthConfig;
import eco2.auth.AuthModule;
import eco2.auth.TestAuth;
import eco2.auth.keys.KeyRing;
import eco2.auth.keys.KeyRingLoader;
import eco2.common.config.Env;
import eco2.common.embedded.FreePorts;
import eco2.common.events.AmqpSettings;
import eco2.common.http.HttpApp;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.http.ServiceModule;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestServices;
import eco2.info.InfoConfig;
import eco2.info.InfoModule;
import eco2.location.LocationConfig;
import eco2.location.LocationModule;
import eco2.location.kakao.KakaoSettings;
import eco2.my.MyConfig;
import eco2.my.MyModule;
import eco2.workers.WorkersConfig;
import eco2.workers.WorkersModule;
import eco2.workers.chat.ChatConfig;
import eco2.workers.llm.LlmSettings;
import eco2.workers.notification.MailSettings;
import eco2.workers.notification.NotificationConfig;
import eco2.workers.scan.ScanConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The five services in one app, as the dev launcher mounts them, on a port chosen up front (workers reach info and
 * location over HTTP at the app's own base URL), with a fresh database, this run's own exchange and queues, offline
 * providers, and rate limiting on but with every bucket raised so the limits do not hide the handlers behind 429s.
 */
final class FuzzApp implements AutoCloseable {
    /** Every RATE_LIMIT_* bucket, as an operator would raise it; the login throttle is fixed by the contract. */
    static final String HIGH_LIMIT = "1000000/60";

    final Javalin app;
    final Infra infra;
    final Jdbi db;
    final KeyRing keys;
    private final AmqpSettings amqp;
    private final List<String> queues = new ArrayList<>();
    private final WorkersConfig workers;

    FuzzApp() throws Exception {
        TestServices services = TestServices.get();
        services.flushRedis();
        String database = services.freshDatabase();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(services.amqpUri(), "eco2.events.fuzz." + tag);
        for (String name : List.of(
                "auth-deleted",
                "my-registered",
                "my-rewards",
                "my-avatars",
                "mail",
                "scan",
                "scan-user",
                "character-user",
                "location-deleted",
                "info-deleted")) {
            queues.add("fuzz." + name + "." + tag);
        }
        RateLimitSettings limits = new RateLimitSettings(true, RateLimitSettings.DEFAULT, name -> HIGH_LIMIT);
        int port = FreePorts.pick();
        URI self = URI.create("http://127.0.0.1:" + port + "/");
        AuthConfig auth = TestAuth.config(database, services.redisUri(), amqp, queues.get(0), limits);
        // The key ring auth signs with, from the development key file its config names.
        keys = KeyRingLoader.load(null, null, auth.devKeyFile());
        MyConfig my = new MyConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "users"),
                amqp,
                queues.get(1),
                queues.get(2),
                queues.get(3),
                Files.createTempDirectory("eco2-fuzz-avatars"));
        InfoConfig info = new InfoConfig(
                HttpSettings.forTests(), services.dbSettings(database, InfoConfig.SCHEMA), amqp, queues.get(9), true);
        LocationConfig location = new LocationConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "locations"),
                amqp,
                queues.get(8),
                new KakaoSettings("http://127.0.0.1:1", null, Duration.ofMillis(500), Duration.ofSeconds(1)),
                true,
                true,
                LocationConfig.DEFAULT_IMPORT_MAX_BYTES);
        ScanConfig scan = new ScanConfig(
                services.dbSettings(database, "scan"),
                services.dbSettings(database, "character"),
                services.redisUri(),
                self,
                LlmSettings.offline(),
                queues.get(5),
                queues.get(6),
                queues.get(7),
                true,
                64,
                64,
                20,
                Duration.ofSeconds(15),
                "fuzz-ticket-secret-of-at-least-32-characters");
        workers = new WorkersConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "notification"),
                amqp,
                new NotificationConfig(
                        queues.get(4),
                        List.of(Duration.ofMillis(100)),
                        MailSettings.fromEnv(new Env(Map.of())),
                        URI.create("http://localhost:8080"),
                        Files.createTempDirectory("eco2-fuzz-mailbox")),
                scan,
                ChatConfig.forTests(services.dbSettings(database, "chat"), self, tag));
        infra = Infra.create(services.redisUri(), keys, TestAuth.ISSUER, limits, Clock.systemUTC());
        List<ServiceModule> modules = List.of(
                AuthModule.create(auth, infra, keys),
                MyModule.create(my, infra),
                LocationModule.create(location, infra),
                InfoModule.create(info, infra),
                WorkersModule.create(workers, infra));
        app = HttpApp.create("fuzz", HttpSettings.forTests(), infra, modules).start(port);
        db = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        infra.close();
        TestBroker.deleteQueuesAndExchange(amqp.exchange(), queues.toArray(String[]::new));
        TestBroker.deleteQueuesAndExchange(
                amqp.exchange(), workers.chat().queues().toArray(String[]::new));
    }
}
