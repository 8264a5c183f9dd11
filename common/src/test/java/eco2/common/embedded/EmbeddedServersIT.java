package eco2.common.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/** Starts each embedded stand-in directly (not through TestServices) and checks it does what the services rely on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedServersIT {

    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;
    private EmbeddedAmqpBroker broker;
    private Connection amqp;

    @BeforeAll
    void startServers() throws Exception {
        postgres = EmbeddedPostgresServer.start();
        redis = EmbeddedRedisServer.start();
        broker = EmbeddedAmqpBroker.start();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri());
        amqp = factory.newConnection("eco2-embedded-it");
    }

    @AfterAll
    void stopServers() throws Exception {
        amqp.close();
        broker.close();
        redis.close();
        postgres.close();
    }

    @Test
    void postgresIsVersion15OnAFreePort() throws Exception {
        assertThat(postgres.port()).isNotEqualTo(5432);
        try (var connection = DriverManager.getConnection(
                        postgres.jdbcUrl("postgres"), postgres.adminUser(), postgres.adminPassword());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 15.");
        }
    }

    @Test
    void postgresKeepsDataInAGivenDirectoryAcrossRestarts(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir)) {
            execute(first, "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir);
                var connection = DriverManager.getConnection(
                        second.jdbcUrl("postgres"), second.adminUser(), second.adminPassword());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void redisSetsAndGetsWithoutPersistence() {
        assertThat(redis.uri()).startsWith("redis://127.0.0.1:");
        try (RedisClient client = RedisClient.create(URI.create(redis.uri()))) {
            client.set("greeting", "hello");
            assertThat(client.get("greeting")).isEqualTo("hello");
        }
        try (Jedis admin = new Jedis(URI.create(redis.uri()))) {
            assertThat(admin.configGet("save")).containsEntry("save", "");
            assertThat(admin.configGet("appendonly")).containsEntry("appendonly", "no");
            assertThat(admin.configGet("bind")).containsEntry("bind", "127.0.0.1");
        }
    }

    @Test
    void qpidRoutesThroughADurableTopicExchangeWithConfirmsAndManualAck() throws Exception {
        Channel channel = amqp.createChannel();
        String exchange = "eco2.it.events." + UUID.randomUUID();
        String queue = "eco2.it.points." + UUID.randomUUID();
        channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueBind(queue, exchange, "points.*");

        channel.confirmSelect();
        channel.basicPublish(exchange, "points.awarded", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("42 points"));
        channel.basicPublish(
                exchange, "users.created", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("not for this queue"));
        channel.waitForConfirmsOrDie(5_000);

        BlockingQueue<Delivery> received = new ArrayBlockingQueue<>(2);
        String consumerTag = channel.basicConsume(queue, false, (tag, delivery) -> received.add(delivery), tag -> {});
        Delivery delivery = received.poll(5, TimeUnit.SECONDS);
        assertThat(delivery).isNotNull();
        assertThat(text(delivery.getBody())).isEqualTo("42 points");
        assertThat(delivery.getEnvelope().getRoutingKey()).isEqualTo("points.awarded");
        channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        channel.basicCancel(consumerTag);

        assertThat(received.poll(200, TimeUnit.MILLISECONDS))
                .as("unbound routing key must not arrive")
                .isNull();
        assertThat(channel.basicGet(queue, false))
                .as("acked message must be gone")
                .isNull();
        channel.close();
    }

    /** Evidence for the report: RabbitMQ's dead-letter queue arguments do not exist in Qpid and kill the connection. */
    @Test
    void qpidRefusesRabbitMqDeadLetterArguments() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri());
        Connection own = factory.newConnection("eco2-dlx-refused");
        try {
            Channel channel = own.createChannel();
            Map<String, Object> rabbitArgs =
                    Map.of("x-dead-letter-exchange", "eco2.it.dlx", "x-dead-letter-routing-key", "dead");

            assertThatThrownBy(() -> channel.queueDeclare("eco2.it.rabbit-style", true, false, false, rabbitArgs))
                    .isInstanceOf(IOException.class)
                    .rootCause()
                    .hasMessageContaining("Unsupported queue declare argument(s)")
                    .hasMessageContaining("x-dead-letter-exchange");
            assertThat(own.isOpen())
                    .as("Qpid answers with a connection-level error")
                    .isFalse();
        } finally {
            // close() would throw on the connection Qpid already closed; abort() never does.
            own.abort();
        }
    }

    /** Evidence for the report: without a delivery limit, Qpid treats nack(requeue=false) like a requeue. */
    @Test
    void qpidPutsANackedMessageBackWhenTheQueueHasNoDeliveryLimit() throws Exception {
        Channel channel = amqp.createChannel();
        String queue = channel.queueDeclare().getQueue();
        publishConfirmed(channel, "", queue, "poison");

        GetResponse first = awaitGet(channel, queue);
        channel.basicNack(first.getEnvelope().getDeliveryTag(), false, false);

        GetResponse again = awaitGet(channel, queue);
        assertThat(text(again.getBody())).isEqualTo("poison");
        channel.basicAck(again.getEnvelope().getDeliveryTag(), false);
        channel.close();
    }

    /** What does work: Qpid's alternate exchange plus a delivery limit of 1, routed on the original routing key. */
    @Test
    void qpidDeadLettersANackedMessageThroughTheAlternateExchange() throws Exception {
        Channel channel = amqp.createChannel();
        String suffix = UUID.randomUUID().toString();
        String events = "eco2.it.events." + suffix;
        String dlx = "eco2.it.dlx." + suffix;
        String deadQueue = "eco2.it.dead." + suffix;
        String workQueue = "eco2.it.work." + suffix;
        channel.exchangeDeclare(events, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(dlx, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(deadQueue, true, false, false, null);
        channel.queueBind(deadQueue, dlx, "#");
        channel.queueDeclare(
                workQueue, true, false, false, Map.of("alternateExchange", dlx, "x-qpid-maximum-delivery-count", 1));
        channel.queueBind(workQueue, events, "points.awarded");

        publishConfirmed(channel, events, "points.awarded", "bad payload");
        nackFirstDelivery(channel, workQueue);

        GetResponse dead = awaitGet(channel, deadQueue);
        assertThat(text(dead.getBody())).isEqualTo("bad payload");
        assertThat(dead.getEnvelope().getRoutingKey())
                .as("no x-dead-letter-routing-key: the original key is kept")
                .isEqualTo("points.awarded");
        assertThat(channel.messageCount(workQueue)).isZero();
        channel.close();
    }

    /** The closest match to x-dead-letter-routing-key: an alternate binding that names the dead-letter queue itself. */
    @Test
    void qpidDeadLettersANackedMessageStraightIntoANamedQueue() throws Exception {
        Channel channel = amqp.createChannel();
        String suffix = UUID.randomUUID().toString();
        String deadQueue = "eco2.it.dead." + suffix;
        String workQueue = "eco2.it.work." + suffix;
        channel.queueDeclare(deadQueue, true, false, false, null);
        channel.queueDeclare(
                workQueue,
                true,
                false,
                false,
                Map.of("alternateBinding", Map.of("destination", deadQueue), "maximumDeliveryAttempts", 1));

        publishConfirmed(channel, "", workQueue, "bad payload");
        nackFirstDelivery(channel, workQueue);

        assertThat(text(awaitGet(channel, deadQueue).getBody())).isEqualTo("bad payload");
        assertThat(channel.messageCount(workQueue)).isZero();
        channel.close();
    }

    private static void nackFirstDelivery(Channel channel, String queue) throws Exception {
        BlockingQueue<Delivery> received = new ArrayBlockingQueue<>(4);
        String consumerTag = channel.basicConsume(queue, false, (tag, delivery) -> received.add(delivery), tag -> {});
        Delivery delivery = received.poll(5, TimeUnit.SECONDS);
        assertThat(delivery).isNotNull();
        channel.basicNack(delivery.getEnvelope().getDeliveryTag(), false, false);
        channel.basicCancel(consumerTag);
    }

    private static void publishConfirmed(Channel channel, String exchange, String routingKey, String body)
            throws Exception {
        channel.confirmSelect();
        channel.basicPublish(exchange, routingKey, MessageProperties.PERSISTENT_TEXT_PLAIN, bytes(body));
        channel.waitForConfirmsOrDie(5_000);
    }

    /** basicGet does not wait, and a nack is answered by nothing: dead-lettering lands some time after it is sent. */
    private static GetResponse awaitGet(Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, false);
            if (response != null) {
                return response;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message on " + queue + " within 5 s");
    }

    private static void execute(EmbeddedPostgresServer server, String... sql) throws Exception {
        try (var connection = DriverManager.getConnection(
                        server.jdbcUrl("postgres"), server.adminUser(), server.adminPassword());
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
