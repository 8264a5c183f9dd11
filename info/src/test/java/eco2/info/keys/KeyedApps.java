package eco2.info.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eco2.auth.AuthConfig;
import eco2.auth.TestAuth;
import eco2.common.db.DbSettings;
import eco2.common.events.AmqpSettings;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitPolicy;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import eco2.info.InfoApp;
import eco2.info.InfoConfig;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Auth and info as two apps, the way they run in production: each with its own Infra, sharing only PostgreSQL (own
 * schemas) and Redis; info asks auth about unknown keys over HTTP. Limits are on, with the general bucket wide
 * enough that only the keys' own tiers limit anything.
 */
final class KeyedApps implements AutoCloseable {
    static final String PASSWORD = "password123";

    final TestAuth authService;
    final Infra authInfra;
    final Infra infoInfra;
    final Javalin infoApp;
    final TestHttp auth;
    final TestHttp info;
    final Jdbi authDb;
    private final AmqpSettings amqp;
    private final String deletedQueue;
    private final String infoDeletedQueue;

    KeyedApps() {
        TestServices services = TestServices.get();
        services.flushRedis();
        String database = services.freshDatabase();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(services.amqpUri(), "eco2.events.test." + tag);
        deletedQueue = "auth.user-deleted.test." + tag;
        infoDeletedQueue = "info.user-deleted.test." + tag;
        RateLimitSettings limits = new RateLimitSettings(
                true, RateLimitPolicy.open("default", 100_000, Duration.ofMinutes(1)), name -> null);
        AuthConfig authConfig = TestAuth.config(database, services.redisUri(), amqp, deletedQueue, limits);
        authService = TestAuth.start(authConfig);
        authInfra = authService.infra;
        auth = authService.http;
        // Info verifies bearer tokens with auth's key ring (the JWKS is tested elsewhere) and asks auth over HTTP.
        infoInfra = authService.infraBeside(limits);
        InfoConfig infoConfig = new InfoConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, InfoConfig.SCHEMA),
                amqp,
                infoDeletedQueue,
                true);
        infoApp = InfoApp.create(infoConfig, infoInfra).start(0);
        info = new TestHttp(infoApp.port());
        DbSettings authDbSettings = authConfig.db();
        authDb = Jdbi.create(authDbSettings.url(), authDbSettings.user(), authDbSettings.password())
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin()); // as eco2.common.db.Database does
    }

    /** A signed-in user: its bearer header. */
    String[] signIn() {
        String username = TestUsers.uniqueName("keys");
        return TestUsers.register(auth, username, username + "@example.com", PASSWORD)
                .auth();
    }

    /** A new key of the user's: the 201 body. */
    JsonNode createKey(String[] user, Map<String, Object> body) {
        TestHttp.Response r = auth.postJson("/api/v1/auth/api-keys", TestHttp.json(body), user);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode createKey(String[] user) {
        return createKey(user, Map.of("name", "kiosk"));
    }

    double lookups(Infra infra, String source) {
        return infra.metrics()
                .registry()
                .get("eco2_api_key_lookups")
                .tag("source", source)
                .counter()
                .count();
    }

    @Override
    public void close() {
        infoApp.stop();
        infoInfra.close();
        authService.close();
        TestBroker.deleteQueuesAndExchange(amqp.exchange(), deletedQueue, infoDeletedQueue);
    }
}
