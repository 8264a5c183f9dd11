package eco2.location;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.TestAuth;
import eco2.auth.keys.KeyRing;
import eco2.common.events.AmqpSettings;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import eco2.location.kakao.KakaoSettings;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * location as production runs it: auth and location as two apps on port 0, location started by
 * {@link LocationApp#create} exactly as its main does, both in a fresh database (or a given one) and on an exchange
 * and queues of their own. Kakao points nowhere unless a test passes its fake server's settings.
 */
public final class LocationTestApp implements AutoCloseable {
    /** Nothing listens on port 1: Kakao calls fail fast unless a test configures its fake. */
    public static final KakaoSettings NO_KAKAO =
            new KakaoSettings("http://127.0.0.1:1", null, Duration.ofMillis(500), Duration.ofSeconds(1));

    public final String database;
    public final LocationConfig config;
    /** auth beside location: sign-up and sign-in go through its {@code http}. */
    public final TestAuth auth;
    /** auth's signing keys, which location trusts. */
    public final KeyRing keys;
    /** location's own plumbing. */
    public final Infra infra;

    public final Javalin app;
    /** location's API. */
    public final TestHttp http;
    /** Admin connection to this test's database (tables are schema-qualified: locations.recycle_bins, ...). */
    public final Jdbi db;

    private final List<String> queues;
    private final String exchange;

    private LocationTestApp(
            String database, String redisUrl, UnaryOperator<LocationConfig> tweak, RateLimitSettings limits) {
        TestServices services = TestServices.get();
        this.database = database;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        exchange = "eco2.events.test." + tag;
        AmqpSettings amqp = new AmqpSettings(services.amqpUri(), exchange);
        queues = List.of("auth.user-deleted.test." + tag, "location.user-deleted.test." + tag);
        config = tweak.apply(new LocationConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "locations"),
                amqp,
                queues.get(1),
                NO_KAKAO,
                true,
                false,
                LocationConfig.DEFAULT_IMPORT_MAX_BYTES));
        auth = TestAuth.start(TestAuth.config(database, redisUrl, amqp, queues.get(0), limits));
        keys = auth.keys;
        infra = auth.infraBeside(limits);
        app = LocationApp.create(config, infra).start(0);
        http = new TestHttp(app.port());
        db = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
    }

    /** A fresh database, an empty test Redis, Kakao unset. */
    public static LocationTestApp start() {
        return start(c -> c);
    }

    public static LocationTestApp start(UnaryOperator<LocationConfig> tweak) {
        TestServices.get().flushRedis();
        return new LocationTestApp(
                TestServices.get().freshDatabase(), TestServices.get().redisUri(), tweak, TestAuth.noLimits());
    }

    /**
     * With rate limits on in both apps, as before when they were one; {@code overrides} maps a {@code RATE_LIMIT_*}
     * name to its spec, or null.
     */
    public static LocationTestApp startWithLimits(UnaryOperator<String> overrides) {
        TestServices.get().flushRedis();
        return new LocationTestApp(
                TestServices.get().freshDatabase(),
                TestServices.get().redisUri(),
                c -> c,
                new RateLimitSettings(true, RateLimitSettings.DEFAULT, overrides));
    }

    /** A second app on an existing database (e.g. the same data with the cache off), Redis left as it is. */
    public static LocationTestApp startOn(String database, String redisUrl, UnaryOperator<LocationConfig> tweak) {
        return new LocationTestApp(database, redisUrl, tweak, TestAuth.noLimits());
    }

    /** Kakao at {@code baseUrl} with a key and short timeouts. */
    public static UnaryOperator<LocationConfig> kakaoAt(String baseUrl, String key) {
        return c -> new LocationConfig(
                c.http(),
                c.db(),
                c.amqp(),
                c.userDeletedQueue(),
                new KakaoSettings(baseUrl, key, Duration.ofSeconds(1), Duration.ofMillis(700)),
                c.cacheEnabled(),
                c.sampleData(),
                c.importMaxBytes());
    }

    public static UnaryOperator<LocationConfig> cacheOff() {
        return c -> new LocationConfig(
                c.http(), c.db(), c.amqp(), c.userDeletedQueue(), c.kakao(), false, c.sampleData(), c.importMaxBytes());
    }

    public static UnaryOperator<LocationConfig> importLimit(long bytes) {
        return c -> new LocationConfig(
                c.http(), c.db(), c.amqp(), c.userDeletedQueue(), c.kakao(), c.cacheEnabled(), c.sampleData(), bytes);
    }

    public static UnaryOperator<LocationConfig> sampleData() {
        return c -> new LocationConfig(
                c.http(),
                c.db(),
                c.amqp(),
                c.userDeletedQueue(),
                c.kakao(),
                c.cacheEnabled(),
                true,
                c.importMaxBytes());
    }

    /** A signed-in user: its id and the Authorization header pair. */
    public record User(String id, String[] auth) {}

    public User register() {
        String username = TestUsers.uniqueName("loc");
        TestUsers.Session session = TestUsers.register(auth.http, username, username + "@example.com", "password123");
        return new User(session.id(), session.auth());
    }

    /** A user whose account an operator gave the admin role (there is no API for that), signed in afterwards. */
    public User admin() {
        User user = register();
        db.useHandle(h -> h.execute(
                "UPDATE auth.users SET roles = ARRAY['user', 'admin'] WHERE id = CAST(? AS uuid)", user.id()));
        String username =
                db.withHandle(h -> h.createQuery("SELECT username FROM auth.users WHERE id = CAST(:id AS uuid)")
                        .bind("id", user.id())
                        .mapTo(String.class)
                        .one());
        return login(user.id(), username);
    }

    private User login(String id, String username) {
        TestHttp.Response login = auth.http.postJson(
                "/api/v1/auth/login", TestHttp.json(Map.of("email", username, "password", "password123")));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new User(id, new String[] {
            "Authorization", TestHttp.bearer(login.json().get("access_token").asText())
        });
    }

    public String exchange() {
        return exchange;
    }

    @Override
    public void close() {
        app.stop();
        infra.close();
        auth.close();
        TestBroker.deleteQueuesAndExchange(exchange, queues.toArray(String[]::new));
    }
}
