package eco2.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import eco2.common.db.Database;
import eco2.common.db.DbSettings;
import eco2.common.json.Json;
import eco2.common.testing.Await;
import eco2.common.testing.TcpProxy;
import eco2.common.testing.TestServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transactional outbox: published with confirms, marked only when confirmed, nothing lost while the broker is away. */
class OutboxRelayIT {
    static final ObjectMapper MAPPER = Json.newMapper();
    static Database database;
    static Jdbi jdbi;
    static Connection observer;
    static TcpProxy proxy;

    Channel channel;
    String queue;
    String type;
    OutboxWriter writer = new OutboxWriter(MAPPER, "evtest", Clock.systemUTC());

    @BeforeAll
    static void start() throws Exception {
        TestServices services = TestServices.get();
        DbSettings db = services.dbSettings(services.freshDatabase(), "evtest")
                .withEventTables(Set.of(EventTable.OUTBOX, EventTable.PROCESSED_EVENTS));
        database = Database.open(db, new SimpleMeterRegistry(), List.of());
        jdbi = database.jdbi();
        observer = services.amqpConnection("outbox-test-observer");
        proxy = services.amqpProxy();
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        observer.close();
        database.close();
    }

    @BeforeEach
    void bindQueue() throws Exception {
        type = "test.outbox." + UUID.randomUUID();
        channel = observer.createChannel();
        channel.exchangeDeclare(AmqpSettings.EXCHANGE, "topic", true);
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, AmqpSettings.EXCHANGE, type);
    }

    @AfterEach
    void closeChannel() throws Exception {
        channel.close();
    }

    @Test
    void aCommittedEventIsPublishedOnceWithItsEnvelopeAndMarkedSent() throws Exception {
        UUID id = jdbi.inTransaction(h -> writer.append(h, type, Map.of("user_id", "u-1", "invite_code", "ABC")));
        try (AmqpConnector amqp = connector(TestServices.get().amqpUri());
                OutboxRelay relay = new OutboxRelay(jdbi, amqp, new SimpleMeterRegistry(), "evtest")) {
            assertThat(relay.publishBatch()).isEqualTo(1);
            assertThat(relay.publishBatch()).isZero();
        }

        List<GetResponse> messages = drain(1);
        assertThat(messages).hasSize(1);
        GetResponse message = messages.get(0);
        assertThat(message.getProps().getMessageId()).isEqualTo(id.toString());
        assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
        assertThat(message.getEnvelope().getRoutingKey()).isEqualTo(type);
        JsonNode envelope = MAPPER.readTree(message.getBody());
        assertThat(envelope.get("id").asText()).isEqualTo(id.toString());
        assertThat(envelope.get("type").asText()).isEqualTo(type);
        assertThat(envelope.get("source").asText()).isEqualTo("evtest");
        assertThat(envelope.get("occurred_at").asText()).isNotBlank();
        assertThat(envelope.get("data").get("invite_code").asText()).isEqualTo("ABC");
        assertThat(pending()).isZero();
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() throws Exception {
        try {
            jdbi.useTransaction(h -> {
                writer.append(h, type, Map.of("n", 1));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the event must go with it
        }
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE type = :t")
                .bind("t", type)
                .mapTo(Long.class)
                .one());
        assertThat(rows).isZero();
    }

    @Test
    void whileTheBrokerIsUnreachableRowsWaitAndThenAllArriveOnce() throws Exception {
        String viaProxy = TestServices.get().amqpUriVia(proxy);
        proxy.cut();
        for (int i = 0; i < 20; i++) {
            int n = i;
            jdbi.useTransaction(h -> writer.append(h, type, Map.of("n", n)));
        }
        try (AmqpConnector amqp = connector(viaProxy);
                OutboxRelay relay = new OutboxRelay(jdbi, amqp, new SimpleMeterRegistry(), "evtest")) {
            assertThatThrownBy(relay::publishBatch).isInstanceOf(Exception.class);
            assertThat(pending()).isEqualTo(20);

            proxy.restore();
            relay.start();
            List<GetResponse> messages = drain(20);
            Set<String> ids = new HashSet<>();
            messages.forEach(m -> ids.add(m.getProps().getMessageId()));
            assertThat(messages).hasSize(20);
            assertThat(ids).hasSize(20);

            // Now an established connection breaks: the client recovers it and the relay carries on.
            proxy.cut();
            for (int i = 0; i < 10; i++) {
                int n = i;
                jdbi.useTransaction(h -> writer.append(h, type, Map.of("after_cut", n)));
            }
            Thread.sleep(1000);
            assertThat(pending()).isEqualTo(10);
            proxy.restore();
            assertThat(drain(10)).hasSize(10);
        }
        assertThat(pending()).isZero();
    }

    @Test
    void twoRelaysShareTheWorkAndPublishEachEventOnce() throws Exception {
        for (int i = 0; i < 300; i++) {
            int n = i;
            jdbi.useTransaction(h -> writer.append(h, type, Map.of("n", n)));
        }
        try (AmqpConnector a = connector(TestServices.get().amqpUri());
                AmqpConnector b = connector(TestServices.get().amqpUri());
                OutboxRelay first = new OutboxRelay(jdbi, a, new SimpleMeterRegistry(), "evtest");
                OutboxRelay second = new OutboxRelay(jdbi, b, new SimpleMeterRegistry(), "evtest")) {
            first.start();
            second.start();
            List<GetResponse> messages = drain(300);
            Set<String> ids = new HashSet<>();
            messages.forEach(m -> ids.add(m.getProps().getMessageId()));
            assertThat(ids).hasSize(300);
            assertThat(messages).hasSize(300);
        }
    }

    @Test
    void backlogAndPublishedCountsAreMetrics() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        jdbi.useTransaction(h -> writer.append(h, type, Map.of()));
        try (AmqpConnector amqp = connector(TestServices.get().amqpUri());
                OutboxRelay relay = new OutboxRelay(jdbi, amqp, registry, "evtest")) {
            relay.publishBatch();
            assertThat(registry.get("eco2_outbox_published").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("eco2_outbox_backlog").gauge().value()).isZero();
        }
        drain(1);
    }

    @Test
    void publishedRowsOlderThanTheRetentionArePurgedAndPendingOnesNever() throws Exception {
        UUID oldPublished = jdbi.inTransaction(h -> writer.append(h, type, Map.of("n", 1)));
        UUID recentPublished = jdbi.inTransaction(h -> writer.append(h, type, Map.of("n", 2)));
        UUID oldPending = jdbi.inTransaction(h -> writer.append(h, type, Map.of("n", 3)));
        jdbi.useHandle(h -> {
            h.execute("UPDATE outbox SET published_at = now() - interval '8 days' WHERE id = ?", oldPublished);
            h.execute("UPDATE outbox SET published_at = now() - interval '6 days' WHERE id = ?", recentPublished);
            h.execute(
                    "UPDATE outbox SET created_at = now() - interval '30 days', available_at = now() + interval"
                            + " '1 hour' WHERE id = ?",
                    oldPending);
        });
        try (AmqpConnector amqp = connector(TestServices.get().amqpUri());
                OutboxRelay relay = new OutboxRelay(jdbi, amqp, new SimpleMeterRegistry(), "evtest")) {
            assertThat(relay.purgePublished()).isGreaterThanOrEqualTo(1);
        }
        assertThat(exists(oldPublished))
                .as("published 8 days ago: past the 7-day retention")
                .isFalse();
        assertThat(exists(recentPublished)).as("published 6 days ago").isTrue();
        assertThat(exists(oldPending)).as("never published, however old").isTrue();
        jdbi.useHandle(h -> h.execute("DELETE FROM outbox WHERE id = ?", oldPending));
    }

    @Test
    void anEventNoQueueTakesYetStaysUnpublishedUntilAQueueIsBound() throws Exception {
        String unbound = "test.outbox.unbound." + UUID.randomUUID();
        UUID id = jdbi.inTransaction(h -> writer.append(h, unbound, Map.of("n", 1)));
        try (AmqpConnector amqp = connector(TestServices.get().amqpUri());
                OutboxRelay relay = new OutboxRelay(jdbi, amqp, new SimpleMeterRegistry(), "evtest")) {
            assertThat(relay.publishBatch()).as("the broker returned it").isZero();
            assertThat(publishedAt(id)).isNull();

            channel.queueBind(queue, AmqpSettings.EXCHANGE, unbound); // the consumer arrives
            Await.until(() -> {
                try {
                    relay.publishBatch();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return publishedAt(id) != null;
            });
        }
        List<GetResponse> messages = drain(1);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getProps().getMessageId()).isEqualTo(id.toString());
    }

    @Test
    void aTypeDeclaredUnconsumedIsPublishedWithoutWaitingForAQueue() throws Exception {
        String announcement = "test.outbox.announcement." + UUID.randomUUID();
        UUID id = jdbi.inTransaction(h -> writer.append(h, announcement, Map.of("n", 1)));
        try (AmqpConnector amqp = connector(TestServices.get().amqpUri());
                OutboxRelay relay =
                        new OutboxRelay(jdbi, amqp, new SimpleMeterRegistry(), "evtest", Set.of(announcement))) {
            assertThat(relay.publishBatch()).isEqualTo(1);
        }
        assertThat(publishedAt(id)).isNotNull();
    }

    @Test
    void noRowIsLockedWhileTheRelayWaitsForTheBroker() throws Exception {
        UUID id = jdbi.inTransaction(h -> writer.append(h, type, Map.of("n", 1)));
        try (TcpProxy slow = TestServices.get().amqpProxy();
                AmqpConnector amqp = connector(TestServices.get().amqpUriVia(slow));
                OutboxRelay relay = new OutboxRelay(jdbi, amqp, new SimpleMeterRegistry(), "evtest")) {
            amqp.openPublisherChannel().close(); // connected; now the broker stops answering
            slow.pause();
            Thread publishing = new Thread(() -> {
                try {
                    relay.publishBatch();
                } catch (Exception expected) {
                    // the confirm times out
                }
            });
            publishing.start();
            Thread.sleep(1000);
            assertThat(publishing.isAlive())
                    .as("the relay is waiting for the confirm")
                    .isTrue();
            // Today's relay held FOR UPDATE on the batch (and a transaction) during that wait.
            long lockable = jdbi.inTransaction(h -> h.createQuery(
                            "SELECT count(*) FROM (SELECT id FROM outbox WHERE id = :id FOR UPDATE NOWAIT) t")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .one());
            assertThat(lockable).isEqualTo(1);
            slow.resume();
            publishing.join(15_000);
        }
        jdbi.useHandle(h -> h.execute("DELETE FROM outbox WHERE id = ?", id));
    }

    @Test
    void theRelayPublishesOnAConnectionOfItsOwn() throws Exception {
        try (AmqpConnector amqp = connector(TestServices.get().amqpUri());
                Channel consuming = amqp.openChannel();
                Channel publishing = amqp.openPublisherChannel()) {
            assertThat(publishing.getConnection()).isNotSameAs(consuming.getConnection());
        }
    }

    private boolean exists(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one())
                == 1;
    }

    private java.time.OffsetDateTime publishedAt(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT published_at FROM outbox WHERE id = :id")
                .bind("id", id)
                .mapTo(java.time.OffsetDateTime.class)
                .findOne()
                .orElse(null));
    }

    private static AmqpConnector connector(String url) {
        return new AmqpConnector(new AmqpSettings(url, AmqpSettings.EXCHANGE), "outbox-test");
    }

    private long pending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")
                .mapTo(Long.class)
                .one());
    }

    /** Reads until {@code expected} messages came, or 15 s passed, then 300 ms more to catch any duplicate. */
    private List<GetResponse> drain(int expected) throws Exception {
        List<GetResponse> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        long settle = Long.MAX_VALUE;
        while (System.currentTimeMillis() < Math.min(deadline, settle)) {
            GetResponse r = channel.basicGet(queue, true);
            if (r != null) {
                got.add(r);
                if (got.size() >= expected && settle == Long.MAX_VALUE) settle = System.currentTimeMillis() + 300;
            } else {
                Thread.sleep(20);
            }
        }
        return got;
    }
}
