package eco2.my;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import eco2.auth.TestAuth;
import eco2.auth.keys.KeyRing;
import eco2.common.events.AmqpSettings;
import eco2.common.events.Subscription;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestEvents;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.common.testing.TestUsers;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * auth and my as two apps, the way production runs them (my started through {@link MyApp}, as {@link MyMain} does),
 * sharing a fresh database and an exchange and queues of this test class's own, so registrations flow through the
 * real outbox, broker and consumer.
 */
public final class MyTestApp implements AutoCloseable {

    /** auth's key ring, which my trusts: tests sign tokens of their own with it. */
    public final KeyRing keys;
    /** my's plumbing, beside auth's as a standalone my has it. */
    public final Infra infra;
    /** my's module as mounted in {@link #app}, e.g. to list its routes. */
    public final MyModule module;

    public final Javalin app;
    /** my's API. */
    public final TestHttp http;
    /** auth's API (/api/v1/auth): sign-up, sign-in, email verification. */
    public final TestHttp authHttp;

    public final Jdbi db;
    public final AmqpSettings amqp;
    private final TestAuth auth;
    private final List<String> queues;
    public final Path avatarDir;
    private Connection publisher;
    private Channel publishing;

    private MyTestApp(RateLimitSettings limits, String amqpUrl, List<Duration> rewardsRetryDelays) throws Exception {
        TestServices services = TestServices.get();
        services.flushRedis();
        String database = services.freshDatabase();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(amqpUrl, "eco2.events.test." + tag);
        queues = List.of(
                "auth.user-deleted.test." + tag,
                "my.user-registered.test." + tag,
                "my.rewards.test." + tag,
                "my.avatar-jobs.test." + tag);
        auth = TestAuth.start(TestAuth.config(database, services.redisUri(), amqp, queues.get(0), limits));
        authHttp = auth.http;
        keys = auth.keys;
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
        infra = auth.infraBeside(limits);
        module = MyModule.create(my, infra);
        app = MyApp.create(my, infra, module).start(0);
        http = new TestHttp(app.port());
        db = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
    }

    public static MyTestApp start() throws Exception {
        return start(TestServices.get().amqpUri());
    }

    /** With the broker reached at {@code amqpUrl}, e.g. through a {@link eco2.common.testing.TcpProxy}. */
    public static MyTestApp start(String amqpUrl) throws Exception {
        return new MyTestApp(TestAuth.noLimits(), amqpUrl, Subscription.DEFAULT_DELAYS);
    }

    /** With short retry delays on the rewards queue, so a bad event reaches its dead-letter queue within a test. */
    public static MyTestApp startWithRewardsRetries(List<Duration> retryDelays) throws Exception {
        return new MyTestApp(TestAuth.noLimits(), TestServices.get().amqpUri(), retryDelays);
    }

    /** With rate limits on, at their production values, in auth and my alike. */
    public static MyTestApp startWithLimits() throws Exception {
        return new MyTestApp(
                new RateLimitSettings(true, RateLimitSettings.DEFAULT, name -> null),
                TestServices.get().amqpUri(),
                Subscription.DEFAULT_DELAYS);
    }

    /** A registered, signed-in user. */
    public record User(String id, String username, String accessToken) {
        public String[] auth() {
            return new String[] {"Authorization", TestHttp.bearer(accessToken)};
        }
    }

    /** Registers and signs in through auth, whose user.registered event then gives the user a profile in my. */
    public User register() {
        String username = TestUsers.uniqueName("my");
        TestUsers.Session session = TestUsers.register(authHttp, username, username + "@example.com", "password123");
        return new User(session.id(), username, session.accessToken());
    }

    /**
     * Publishes an event envelope onto this app's exchange, with the type as routing key, in publishing order: all on
     * one channel, as tests here rely on the order (a marker event published last is applied last).
     */
    public synchronized void publish(UUID id, String type, Object data) throws Exception {
        TestEvents.publish(channel(), amqp.exchange(), id, type, data);
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

    /** my first, then auth, as a deployment would stop them; then the test's queues and exchange go. */
    @Override
    public void close() {
        try {
            if (publisher != null) publisher.close();
        } catch (Exception e) {
            // best effort: the broker drops the connection with the test JVM anyway
        }
        app.stop();
        infra.close();
        auth.close();
        TestBroker.deleteQueuesAndExchange(amqp.exchange(), queues.toArray(String[]::new));
    }
}
