package eco2.workers;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import eco2.common.events.AmqpSettings;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.workers.chat.ChatConfig;
import eco2.workers.llm.LlmSettings;
import eco2.workers.notification.EmailHandler;
import eco2.workers.notification.MailSettings;
import eco2.workers.notification.NotificationConfig;
import eco2.workers.scan.ScanConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The workers app as it runs in production (HTTP ops endpoints, database, broker), in a fresh database and on an
 * exchange and queue of the test class's own. Events are published straight onto that exchange, the way auth's
 * outbox relay would.
 */
public final class WorkersTestApp implements AutoCloseable {
    public static final URI PUBLIC_BASE_URL = URI.create("https://app.eco2.test");

    public final Infra infra;
    public final WorkersModule module;
    public final Javalin app;
    public final TestHttp http;
    public final Jdbi db;
    public final AmqpSettings amqp;
    public final String queue;
    private final Connection connection;
    private final Channel channel;
    private final WorkersConfig config;

    private WorkersTestApp(MailSettings mail, List<Duration> retryDelays, Path mailboxDir) throws Exception {
        TestServices services = TestServices.get();
        String database = services.freshDatabase();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(services.amqpUri(), "eco2.events.test." + tag);
        queue = NotificationConfig.QUEUE + ".test." + tag;
        config = new WorkersConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "notification"),
                amqp,
                new NotificationConfig(queue, retryDelays, mail, PUBLIC_BASE_URL, mailboxDir),
                ScanConfig.forTests(
                        services.dbSettings(database, "scan"),
                        services.dbSettings(database, "character"),
                        services.redisUri(),
                        URI.create("http://127.0.0.1:9/"),
                        LlmSettings.offline(),
                        tag),
                ChatConfig.forTests(services.dbSettings(database, "chat"), URI.create("http://127.0.0.1:9/"), tag));
        // Workers verify no tokens yet: no key is known.
        infra = Infra.create(
                services.redisUri(),
                kid -> null,
                "eco2-auth",
                new RateLimitSettings(false, RateLimitSettings.DEFAULT, name -> null),
                Clock.systemUTC());
        module = WorkersModule.create(config, infra);
        app = WorkersApp.create(config, infra, module).start(0);
        http = new TestHttp(app.port());
        db = Jdbi.create(services.adminJdbcUrl(database), services.adminUser(), services.adminPassword());
        connection = services.amqpConnection("workers-test");
        channel = connection.createChannel();
    }

    public static WorkersTestApp start(MailSettings mail, List<Duration> retryDelays, Path mailboxDir)
            throws Exception {
        return new WorkersTestApp(mail, retryDelays, mailboxDir);
    }

    /** A notification.email event as auth publishes it; the caller picks the id so it can replay it. */
    public void publish(UUID id, Map<String, Object> data) throws Exception {
        String body = TestHttp.json(Map.of(
                "id",
                id.toString(),
                "type",
                EmailHandler.TYPE,
                "occurred_at",
                Instant.now().toString(),
                "source",
                "auth",
                "data",
                data));
        channel.basicPublish(
                amqp.exchange(),
                EmailHandler.TYPE,
                new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .contentType("application/json")
                        .build(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public boolean processed(UUID eventId) {
        return db.withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM notification.processed_events WHERE event_id = :id AND event_type = :type")
                        .bind("id", eventId)
                        .bind("type", EmailHandler.TYPE)
                        .mapTo(Long.class)
                        .one())
                == 1;
    }

    /** Takes the next message off the dead-letter queue, or null when it is empty. */
    public GetResponse takeDeadLetter() {
        try {
            return channel.basicGet(queue + ".dlq", true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The queues on which workers consume user.deleted: scan tasks, character ownerships, chat sessions. */
    public List<String> userEventQueues() {
        return List.of(
                config.scan().scanEventsQueue(),
                config.scan().characterEventsQueue(),
                config.chat().userEventsQueue());
    }

    /** How many failed deliveries the consumer has scheduled for another try. */
    public double retries() {
        return infra.metrics()
                .registry()
                .get("eco2_events_retried")
                .tag("queue", queue)
                .counter()
                .count();
    }

    @Override
    public void close() throws IOException {
        connection.close();
        app.stop();
        infra.close();
        TestBroker.deleteQueuesAndExchange(amqp.exchange(), queue);
        TestBroker.deleteQueuesAndExchange(
                amqp.exchange(), config.scan().queues().toArray(String[]::new));
    }
}
