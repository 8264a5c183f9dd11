package eco2.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Proves the harness hands out working PostgreSQL, Redis and AMQP endpoints, whichever ones it picked. */
class TestServicesIT {

    private final TestServices services = TestServices.get();

    @Test
    void isOnePerJvm() {
        assertThat(TestServices.get()).isSameAs(services);
    }

    @Test
    void freshDatabaseIsNewConnectableAndHasNoUserTables() throws Exception {
        String first = services.freshDatabase();
        String second = services.freshDatabase();

        assertThat(first).matches("eco2_test_\\d+_[0-9a-f]{8}").isNotEqualTo(second);
        try (var connection = DriverManager.getConnection(
                        services.adminJdbcUrl(first), services.adminUser(), services.adminPassword());
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(first);
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void flushRedisEmptiesTheTestIndexOnly() {
        String key = "eco2:test:" + UUID.randomUUID();
        URI testDb = URI.create(services.redisUri());
        URI otherDb = testDb.resolve("/0");
        assertThat(testDb.getPath()).isNotEqualTo("/0");

        try (RedisClient test = RedisClient.create(testDb);
                RedisClient other = RedisClient.create(otherDb)) {
            test.set(key + ":a", "1");
            test.set(key + ":b", "2");
            other.set(key + ":survivor", "3");
            assertThat(test.dbSize()).isPositive();

            services.flushRedis();

            assertThat(test.exists(key + ":a")).isFalse();
            assertThat(test.exists(key + ":b")).isFalse();
            assertThat(other.get(key + ":survivor")).isEqualTo("3");
            other.del(key + ":survivor");
        }
    }

    @Test
    void amqpMessageToAServerNamedQueueComesBack() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(services.amqpUri());
        try (Connection connection = factory.newConnection("eco2-test-services-it")) {
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare().getQueue();
            BlockingQueue<Delivery> received = new ArrayBlockingQueue<>(1);
            channel.basicConsume(queue, true, (tag, delivery) -> received.add(delivery), tag -> {});

            channel.basicPublish("", queue, null, "ping".getBytes(StandardCharsets.UTF_8));

            Delivery delivery = received.poll(5, TimeUnit.SECONDS);
            assertThat(delivery).isNotNull();
            assertThat(new String(delivery.getBody(), StandardCharsets.UTF_8)).isEqualTo("ping");
        }
    }
}
