package eco2.workers.scan;

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
import eco2.common.testing.Await;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import eco2.info.InfoConfig;
import eco2.info.InfoModule;
import eco2.location.LocationConfig;
import eco2.location.LocationModule;
import eco2.location.kakao.KakaoSettings;
import eco2.my.MyConfig;
import eco2.my.MyModule;
import eco2.workers.WorkersApp;
import eco2.workers.WorkersConfig;
import eco2.workers.WorkersModule;
import eco2.workers.chat.ChatConfig;
import eco2.workers.llm.LlmSettings;
import eco2.workers.notification.MailSettings;
import eco2.workers.notification.NotificationConfig;
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
 * auth + my + info + location + workers in one app (as the dev launcher runs them) on a port chosen up front, because
 * workers reach info over HTTP at the app's own base URL. A fresh database, this app's own exchange and queues.
 * {@link #secondInstance()} adds a workers-only app on the same database, Redis and queues.
 */
public final class ScanTestApp implements AutoCloseable {
    private static final String PASSWORD = "password123";

    public final Javalin app;
    public final Infra infra;
    public final TestHttp http;
    public final Jdbi db;
    public final WorkersConfig workers;
    private final KeyRing keys;
    private final String database;
    private final AmqpSettings amqp;
    private final List<String> queues = new ArrayList<>();
    private final List<Runnable> extra = new ArrayList<>();

    private ScanTestApp(LlmSettings llm, int dailyCap) throws Exception {
        TestServices services = TestServices.get();
        database = services.freshDatabase();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(services.amqpUri(), "eco2.events.test." + tag);
        for (String name : List.of(
                "auth-deleted",
                "my-registered",
                "my-rewards",
                "my-avatars",
                "mail",
                "scan",
                "scan-user",
                "character-user")) {
            queues.add("test." + name + "." + tag);
        }
        RateLimitSettings limits = TestAuth.noLimits();
        int port = FreePorts.pick();
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
                Files.createTempDirectory("eco2-avatars"));
        InfoConfig info = new InfoConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, InfoConfig.SCHEMA),
                amqp,
                "test.info-deleted." + tag,
                true);
        queues.add(info.userDeletedQueue());
        LocationConfig location = new LocationConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "locations"),
                amqp,
                "test.location-deleted." + tag,
                new KakaoSettings("http://127.0.0.1:1", null, Duration.ofMillis(500), Duration.ofSeconds(1)),
                true,
                true,
                LocationConfig.DEFAULT_IMPORT_MAX_BYTES);
        queues.add(location.userDeletedQueue());
        workers = workersConfig(llm, dailyCap, port, true);
        infra = Infra.create(services.redisUri(), keys, TestAuth.ISSUER, limits, Clock.systemUTC());
        List<ServiceModule> modules = List.of(
                AuthModule.create(auth, infra, keys),
                MyModule.create(my, infra),
                InfoModule.create(info, infra),
                LocationModule.create(location, infra),
                WorkersModule.create(workers, infra));
        app = HttpApp.create("test", HttpSettings.forTests(), infra, modules).start(port);
        http = new TestHttp(app.port());
        db = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
    }

    public static ScanTestApp start() throws Exception {
        return new ScanTestApp(LlmSettings.offline(), 20);
    }

    public static ScanTestApp start(LlmSettings llm, int dailyCap) throws Exception {
        return new ScanTestApp(llm, dailyCap);
    }

    /** Provider settings for a fake OpenAI-compatible server, with a short scan timeout so a stall shows fast. */
    public static LlmSettings provider(URI baseUrl, Duration scanTimeout) {
        return new LlmSettings(
                baseUrl, "test-key", "test-chat", "test-vision", Duration.ofSeconds(2), scanTimeout, scanTimeout, 2);
    }

    private WorkersConfig workersConfig(LlmSettings llm, int dailyCap, int infoPort, boolean consume) throws Exception {
        TestServices services = TestServices.get();
        ScanConfig scan = new ScanConfig(
                services.dbSettings(database, "scan"),
                services.dbSettings(database, "character"),
                services.redisUri(),
                URI.create("http://127.0.0.1:" + infoPort + "/"),
                llm,
                queues.get(5),
                queues.get(6),
                queues.get(7),
                consume,
                64,
                64,
                dailyCap,
                Duration.ofMillis(300),
                "test-ticket-secret-of-at-least-32-characters");
        return new WorkersConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "notification"),
                amqp,
                new NotificationConfig(
                        queues.get(4),
                        List.of(Duration.ofMillis(100)),
                        MailSettings.fromEnv(new Env(Map.of())),
                        URI.create("http://localhost:8080"),
                        Files.createTempDirectory("eco2-mailbox")),
                scan,
                ChatConfig.forTests(
                        services.dbSettings(database, "chat"),
                        URI.create("http://127.0.0.1:" + infoPort + "/"),
                        queues.get(5)));
    }

    /** Another workers instance on the same database, Redis and broker that runs no pipeline: API and streams only. */
    public int secondInstance() throws Exception {
        Infra other = Infra.create(
                TestServices.get().redisUri(), keys, TestAuth.ISSUER, TestAuth.noLimits(), Clock.systemUTC());
        Javalin second = WorkersApp.create(workersConfig(workers.scan().llm(), 20, app.port(), false), other)
                .start(0);
        extra.add(second::stop);
        extra.add(other::close);
        return second.port();
    }

    /** A registered, signed-in user whose profile and default character exist. */
    public record User(String id, String username, String accessToken) {
        public String[] auth() {
            return new String[] {"Authorization", TestHttp.bearer(accessToken)};
        }
    }

    public User register() throws InterruptedException {
        String username = TestUsers.uniqueName("scan");
        TestUsers.Session session = TestUsers.register(http, username, username + "@example.com", PASSWORD);
        User user = new User(session.id(), username, session.accessToken());
        Await.until(() ->
                count("SELECT count(*) FROM character.ownerships WHERE user_id = CAST('" + user.id() + "' AS uuid)")
                        == 1);
        Await.until(() -> http.get("/api/v1/users/me", user.auth()).status() == 200);
        return user;
    }

    public long count(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        for (Runnable stop : extra) stop.run();
        app.stop();
        infra.close();
        TestBroker.deleteQueuesAndExchange(amqp.exchange(), queues.toArray(String[]::new));
        TestBroker.deleteQueuesAndExchange(
                amqp.exchange(), workers.chat().queues().toArray(String[]::new));
    }
}
