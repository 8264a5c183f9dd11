package eco2.info;

import static org.assertj.core.api.Assertions.assertThat;

import eco2.auth.TestAuth;
import eco2.common.events.AmqpSettings;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import io.javalin.Javalin;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * info as production runs it: auth and info as two apps on port 0, info started by {@link InfoApp#create} exactly as
 * its main does, both in a fresh database and on an exchange and queues of their own, so tests sign in with real
 * tokens and can publish events. {@link #db} is an admin connection to that database, for checks and for granting
 * the admin role.
 */
public final class InfoTestApp implements AutoCloseable {
    private static final String PASSWORD = "password123";

    public final InfoConfig config;
    /** auth beside info: sign-up and sign-in go through its {@code http}. */
    public final TestAuth auth;
    /** info's own plumbing. */
    public final Infra infra;

    public final Javalin app;
    /** info's API. */
    public final TestHttp http;

    public final Jdbi db;
    public final AmqpSettings amqp;
    private final String deletedQueue;

    private InfoTestApp(boolean searchCache, String redisUrl) {
        TestServices services = TestServices.get();
        services.flushRedis();
        String database = services.freshDatabase();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(services.amqpUri(), "eco2.events.test." + tag);
        deletedQueue = "auth.user-deleted.test." + tag;
        RateLimitSettings limits = TestAuth.noLimits();
        config = new InfoConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, InfoConfig.SCHEMA),
                amqp,
                "info.user-deleted.test." + tag,
                searchCache);
        auth = TestAuth.start(TestAuth.config(database, redisUrl, amqp, deletedQueue, limits));
        infra = auth.infraBeside(limits);
        app = InfoApp.create(config, infra).start(0);
        http = new TestHttp(app.port());
        db = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
    }

    /** With the search cache on, against the test Redis. */
    public static InfoTestApp start() {
        return new InfoTestApp(true, TestServices.get().redisUri());
    }

    public static InfoTestApp start(boolean searchCache, String redisUrl) {
        return new InfoTestApp(searchCache, redisUrl);
    }

    /** A registered, signed-in user. */
    public record User(String id, String username, String accessToken) {
        public String[] auth() {
            return new String[] {"Authorization", TestHttp.bearer(accessToken)};
        }
    }

    public User register() {
        String username = TestUsers.uniqueName("info");
        TestUsers.Session session = TestUsers.register(auth.http, username, username + "@example.com", PASSWORD);
        return new User(session.id(), username, session.accessToken());
    }

    /** A user whose roles include admin: granted in auth.users directly, then signed in so the token carries it. */
    public User admin() {
        User user = register();
        int granted = db.withHandle(h -> h.createUpdate(
                        "UPDATE auth.users SET roles = array_append(roles, 'admin') WHERE id = CAST(:id AS uuid)")
                .bind("id", user.id())
                .execute());
        assertThat(granted).isEqualTo(1);
        return login(user.id(), user.username());
    }

    private User login(String id, String username) {
        TestHttp.Response login = auth.http.postJson(
                "/api/v1/auth/login", TestHttp.json(Map.of("email", username, "password", PASSWORD)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new User(id, username, login.json().get("access_token").asText());
    }

    /** The id of the curated item with this slug. */
    public String itemId(String slug) {
        return db.withHandle(h -> h.createQuery("SELECT id::text FROM recycle_info.items WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(String.class)
                .one());
    }

    public String faqId(String slug) {
        return db.withHandle(h -> h.createQuery("SELECT id::text FROM recycle_info.faqs WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(String.class)
                .one());
    }

    public long count(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        app.stop();
        infra.close();
        auth.close();
        TestBroker.deleteQueuesAndExchange(amqp.exchange(), deletedQueue, config.userDeletedQueue());
    }
}
