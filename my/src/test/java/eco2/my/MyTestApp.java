package eco2.my;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import eco2.auth.AuthConfig;
import eco2.auth.AuthModule;
import eco2.auth.keys.KeyRing;
import eco2.auth.keys.KeyRingLoader;
import eco2.auth.oauth.OAuthSettings;
import eco2.common.config.Env;
import eco2.common.events.AmqpSettings;
import eco2.common.events.Subscription;
import eco2.common.http.HttpApp;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * auth + my in one app (as the dev launcher runs them), in a fresh database, on an exchange and queue of this
 * test class's own, so registrations flow through the real outbox, broker and consumer.
 */
public final class MyTestApp implements AutoCloseable {

    public final KeyRing keys;
    public final Infra infra;
    /** my's module as mounted in {@link #app}, e.g. to list its routes. */
    public final MyModule module;

    public final Javalin app;
    public final TestHttp http;
    public final Jdbi db;
    public final AmqpSettings amqp;
    private final List<String> queues;
    public final Path avatarDir;
    private Connection publisher;
    private Channel publishing;

    private MyTestApp(RateLimitSettings limits, String amqpUrl, List<Duration> rewardsRetryDelays) throws Exception {
        TestServices services = TestServices.get();
        services.flushRedis();
        String database = services.freshDatabase();
        String url = services.adminJdbcUrl(database);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(amqpUrl, "eco2.events.test." + tag);
        keys = KeyRingLoader.load(
                null, null, Files.createTempDirectory("eco2-my-test").resolve("jwt.pem"));
        AuthConfig auth = new AuthConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "auth"),
                services.redisUri(),
                amqp,
                "auth.user-deleted.test." + tag,
                limits,
                "eco2-auth",
                null,
                null,
                null,
                Duration.ofMinutes(30),
                Duration.ofDays(7),
                OAuthSettings.fromEnv(new Env(Map.of())));
        queues = List.of(
                "auth.user-deleted.test." + tag,
                "my.user-registered.test." + tag,
                "my.rewards.test." + tag,
                "my.avatar-jobs.test." + tag);
        avatarDir = Files.createTempDirectory("eco2-avatars");
        MyConfig my = new MyConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "users"),
                amqp,
                queues.get(1),
                queues.get(2),
                queues.get(3),
                avatarDir,
                rewardsRetryDelays);
        infra = Infra.create(services.redisUri(), keys, "eco2-auth", limits, Clock.systemUTC());
        module = MyModule.create(my, infra);
        app = HttpApp.create(
                        "test", HttpSettings.forTests(), infra, List.of(AuthModule.create(auth, infra, keys), module))
                .start(0);
        http = new TestHttp(app.port());
        db = Jdbi.create(url, services.adminUser(), services.adminPassword());
    }

    public static MyTestApp start() throws Exception {
        return start(TestServices.get().amqpUri());
    }

    /** With the broker reached at {@code amqpUrl}, e.g. through a {@link eco2.common.testing.TcpProxy}. */
    public static MyTestApp start(String amqpUrl) throws Exception {
        return new MyTestApp(noLimits(), amqpUrl, Subscription.DEFAULT_DELAYS);
    }

    /** With short retry delays on the rewards queue, so a bad event reaches its dead-letter queue within a test. */
    public static MyTestApp startWithRewardsRetries(List<Duration> retryDelays) throws Exception {
        return new MyTestApp(noLimits(), TestServices.get().amqpUri(), retryDelays);
    }

    /** With rate limits on, at their production values. */
    public static MyTestApp startWithLimits() throws Exception {
        return new MyTestApp(
                new RateLimitSettings(true, RateLimitSettings.DEFAULT, name -> null),
                TestServices.get().amqpUri(),
                Subscription.DEFAULT_DELAYS);
    }

    private static RateLimitSettings noLimits() {
        return new RateLimitSettings(false, RateLimitSettings.DEFAULT, name -> null);
    }

    /** A registered, signed-in user. */
    public record User(String id, String username, String accessToken) {
        public String[] auth() {
            return new String[] {"Authorization", TestHttp.bearer(accessToken)};
        }
    }

    public User register() {
        String username = TestUsers.uniqueName("my");
        TestUsers.Session session = TestUsers.register(http, username, username + "@example.com", "password123");
        return new User(session.id(), username, session.accessToken());
    }

    /** Publishes an event envelope onto this app's exchange, with the type as routing key, in publishing order. */
    public synchronized void publish(UUID id, String type, Object data) throws Exception {
        String body = TestHttp.json(Map.of(
                "id",
                id.toString(),
                "type",
                type,
                "occurred_at",
                Instant.now().toString(),
                "source",
                "test",
                "data",
                data));
        channel()
                .basicPublish(
                        amqp.exchange(),
                        type,
                        new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                        body.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether my's consumer committed this event id. */
    public boolean processed(UUID eventId) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM users.processed_events WHERE event_id = :id")
                        .bind("id", eventId)
                        .mapTo(Long.class)
                        .one())
                == 1;
    }

    /** my's own consumer queues: user-registered, rewards, avatar jobs. */
    public List<String> myQueues() {
        return queues.subList(1, 4);
    }

    /** Takes the next message off the rewards queue's dead-letter queue, or null when it is empty. */
    public synchronized GetResponse takeRewardsDeadLetter() throws Exception {
        return channel().basicGet(queues.get(2) + ".dlq", true);
    }

    /** The exchange this app's services publish and consume on. */
    public String exchange() {
        return amqp.exchange();
    }

    /** Takes the next message off the avatar jobs' dead-letter queue, or null when it is empty. */
    public synchronized GetResponse takeAvatarDeadLetter() throws Exception {
        return channel().basicGet(queues.get(3) + ".dlq", true);
    }

    /** One channel for publishing and dead-letter reads, so events arrive in the order a test sent them. */
    private synchronized Channel channel() throws Exception {
        if (publishing == null) {
            publisher = TestServices.get().amqpConnection("my-test-publisher");
            publishing = publisher.createChannel();
        }
        return publishing;
    }

    @Override
    public void close() {
        try {
            if (publisher != null) publisher.close();
        } catch (Exception e) {
            // best effort: the broker drops the connection with the test JVM anyway
        }
        app.stop();
        infra.close();
        TestBroker.deleteQueuesAndExchange(amqp.exchange(), queues.toArray(String[]::new));
    }
}
