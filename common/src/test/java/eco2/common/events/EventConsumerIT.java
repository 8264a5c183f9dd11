package eco2.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual acks, idempotency by event id, retries with back-off, dead-lettering, redelivery after a crash. */
@SuppressWarnings("try") // a consumer works while open: the try bodies publish and check, never call it
class EventConsumerIT {
    static final ObjectMapper MAPPER = Json.newMapper();
    static final List<Duration> FAST = List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    static Database database;
    static Jdbi jdbi;
    static Connection publisherConnection;
    static Channel publisher;

    String queue;
    String routingKey;
    AmqpConnector amqp;
    SimpleMeterRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        TestServices services = TestServices.get();
        DbSettings db = services.dbSettings(services.freshDatabase(), "evtest")
                .withEventTables(Set.of(EventTable.OUTBOX, EventTable.PROCESSED_EVENTS));
        database = Database.open(db, new SimpleMeterRegistry(), List.of());
        jdbi = database.jdbi();
        publisherConnection = services.amqpConnection("consumer-test-publisher");
        publisher = publisherConnection.createChannel();
        publisher.exchangeDeclare(AmqpSettings.EXCHANGE, "topic", true);
    }

    @AfterAll
    static void stop() throws Exception {
        publisherConnection.close();
        database.close();
    }

    @BeforeEach
    void names() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        queue = "test.consumer." + suffix;
        routingKey = "test.happened." + suffix;
        amqp = new AmqpConnector(
                new AmqpSettings(TestServices.get().amqpUri(), AmqpSettings.EXCHANGE), "consumer-test");
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void cleanUp() throws Exception {
        publisher.queueDelete(queue);
        publisher.queueDelete(queue + ".dlq");
        amqp.close();
    }

    @Test
    void anEventIsAppliedOnceEvenWhenDeliveredTwice() throws Exception {
        try (EventConsumer consumer = consumer(recordEffect(), FAST).start()) {
            UUID id = UUID.randomUUID();
            publish(envelope(id));
            publish(envelope(id));
            UUID other = UUID.randomUUID();
            publish(envelope(other));

            Await.until(() -> effects(other) == 1);
            Await.until(() -> registry.get("eco2_events_consumed").counter().count() == 3.0);
            assertThat(effects(id)).isEqualTo(1);
            Await.until(() -> queueDepth(queue) == 0); // acks reach the broker a moment after the counter moves
        }
    }

    @Test
    void aFailingHandlerIsRetriedAndItsEffectsRolledBack() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        EventHandler flaky = (handle, event) -> {
            handle.execute("INSERT INTO effects (event_id, note) VALUES (?, 'attempt')", event.id());
            if (calls.incrementAndGet() < 3) throw new IllegalStateException("not yet");
        };
        try (EventConsumer consumer = consumer(flaky, FAST).start()) {
            UUID id = UUID.randomUUID();
            publish(envelope(id));

            Await.until(() -> effects(id) == 1);
            assertThat(calls.get()).isEqualTo(3);
            assertThat(registry.get("eco2_events_retried").counter().count()).isEqualTo(2.0);
            assertThat(queueDepth(queue + ".dlq")).isZero();
        }
    }

    @Test
    void aPoisonMessageIsParkedAfterItsRetriesAndTheQueueKeepsFlowing() throws Exception {
        UUID poison = UUID.randomUUID();
        EventHandler handler = (handle, event) -> {
            if (event.id().equals(poison)) throw new IllegalStateException("cannot handle " + event.id());
            handle.execute("INSERT INTO effects (event_id) VALUES (?)", event.id());
        };
        try (EventConsumer consumer = consumer(handler, FAST).start()) {
            publish(envelope(poison));
            UUID healthy = UUID.randomUUID();
            publish(envelope(healthy));

            Await.until(() -> effects(healthy) == 1);
            Await.until(() -> queueDepth(queue + ".dlq") == 1);
            GetResponse parked = publisher.basicGet(queue + ".dlq", true);
            assertThat(MAPPER.readTree(parked.getBody()).get("id").asText()).isEqualTo(poison.toString());
            Map<String, Object> headers = parked.getProps().getHeaders();
            assertThat(headers.get("x-eco2-error").toString()).contains("cannot handle");
            assertThat(headers.get("x-eco2-attempts")).isEqualTo(4);
            // The counter moves once the parked copy is confirmed, a moment after the queue shows it.
            Await.until(
                    () -> registry.get("eco2_events_dead_lettered").counter().count() >= 1.0);
            assertThat(registry.get("eco2_events_dead_lettered").counter().count())
                    .isEqualTo(1.0);
            assertThat(effects(poison)).isZero();
            Await.until(() -> queueDepth(queue) == 0); // the original is acked after its copy is confirmed
        }
    }

    @Test
    void anUnreadableMessageGoesStraightToTheDeadLetterQueue() throws Exception {
        try (EventConsumer consumer = consumer(recordEffect(), FAST).start()) {
            publisher.basicPublish(
                    AmqpSettings.EXCHANGE, routingKey, null, "{not json".getBytes(StandardCharsets.UTF_8));
            Await.until(() -> queueDepth(queue + ".dlq") == 1);
            assertThat(registry.get("eco2_events_retried").counter().count()).isZero();
        }
    }

    @Test
    void anInvalidEventIsParkedAtOnceWithoutRetriesOrEffects() throws Exception {
        UUID invalid = UUID.randomUUID();
        EventHandler handler = (handle, event) -> {
            handle.execute("INSERT INTO effects (event_id) VALUES (?)", event.id());
            if (event.id().equals(invalid)) EventFields.of(event).uuid("user_id");
        };
        try (EventConsumer consumer = consumer(handler, FAST).start()) {
            publish(MAPPER.writeValueAsBytes(new EventEnvelope(
                    invalid, routingKey, Instant.now(), "test", MAPPER.valueToTree(Map.of("user_id", "../x")))));
            UUID healthy = UUID.randomUUID();
            publish(envelope(healthy));

            Await.until(() -> effects(healthy) == 1);
            Await.until(() -> queueDepth(queue + ".dlq") == 1);
            GetResponse parked = publisher.basicGet(queue + ".dlq", true);
            assertThat(MAPPER.readTree(parked.getBody()).get("id").asText()).isEqualTo(invalid.toString());
            assertThat(parked.getProps().getHeaders().get("x-eco2-error").toString())
                    .contains(routingKey + ": user_id is not a UUID")
                    .doesNotContain("../x");
            assertThat(parked.getProps().getHeaders().get("x-eco2-attempts")).isEqualTo(1);
            assertThat(registry.get("eco2_events_retried").counter().count()).isZero();
            assertThat(effects(invalid)).isZero();
            assertThat((long) jdbi.withHandle(
                            h -> h.createQuery("SELECT count(*) FROM processed_events WHERE event_id = :id")
                                    .bind("id", invalid)
                                    .mapTo(Long.class)
                                    .one()))
                    .isZero();
        }
    }

    @Test
    void aConsumerThatDiesMidHandlingLeavesTheMessageForTheNextOneWhichAppliesItOnce() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        EventHandler stuck = (handle, event) -> {
            handle.execute("INSERT INTO effects (event_id, note) VALUES (?, 'first')", event.id());
            inHandler.countDown();
            never.await(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the process died before committing");
        };
        UUID id = UUID.randomUUID();
        AmqpConnector doomed =
                new AmqpConnector(new AmqpSettings(TestServices.get().amqpUri(), AmqpSettings.EXCHANGE), "doomed");
        EventConsumer first = consumer(stuck, FAST, doomed).start();
        publish(envelope(id));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
        doomed.close(); // the connection drops with the delivery unacked
        first.close();
        never.countDown();

        try (EventConsumer second = consumer(recordEffect(), FAST).start()) {
            Await.until(() -> effects(id) == 1);
            Await.until(() -> queueDepth(queue) == 0);
            assertThat(effects(id)).isEqualTo(1);
            long fromTheDeadOne =
                    jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM effects WHERE note = 'first'")
                            .mapTo(Long.class)
                            .one());
            assertThat(fromTheDeadOne).isZero();
        }
    }

    @Test
    void drainingFinishesTheEventInHandAndLeavesTheRestQueued() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UUID first = UUID.randomUUID();
        EventHandler slow = (handle, event) -> {
            handle.execute("INSERT INTO effects (event_id) VALUES (?)", event.id());
            if (event.id().equals(first)) {
                inHandler.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
        };
        EventConsumer consumer = consumer(slow, FAST).start();
        publish(envelope(first));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
        UUID second = UUID.randomUUID();
        publish(envelope(second)); // prefetched behind the slow one

        Thread drain = new Thread(() -> consumer.drain(Instant.now().plusSeconds(10)));
        drain.start();
        Thread.sleep(200); // the drain is now waiting for the event in hand
        assertThat(drain.isAlive()).as("drain waits for the handler").isTrue();
        release.countDown();
        drain.join(10_000);

        assertThat(effects(first)).as("the event in hand was committed").isEqualTo(1);
        assertThat(effects(second)).as("nothing new was taken").isZero();
        Await.until(() -> queueDepth(queue) == 1); // the first was acked, the second went back to the queue
    }

    /**
     * Several consumers share one connection; after an outage the client's recovery must bring back every one of
     * them. Qpid names consumers per channel ("sgen_1" on each), and the client recovers consumers by tag, so with
     * server-chosen tags only the last one came back there.
     */
    @Test
    void everyConsumerOfAConnectionResumesAfterTheBrokerComesBack() throws Exception {
        String otherQueue = queue + ".other";
        String otherKey = routingKey + ".other";
        try (TcpProxy proxy = TestServices.get().amqpProxy()) {
            AmqpConnector viaProxy = new AmqpConnector(
                    new AmqpSettings(TestServices.get().amqpUriVia(proxy), AmqpSettings.EXCHANGE), "recovery-test");
            try (EventConsumer first = consumer(recordEffect(), FAST, viaProxy).start();
                    EventConsumer second = new EventConsumer(
                                    new Subscription(otherQueue, List.of(otherKey), recordEffect(), FAST, 8),
                                    jdbi,
                                    viaProxy,
                                    MAPPER,
                                    registry)
                            .start()) {
                proxy.cut();
                Thread.sleep(1000);
                proxy.restore();

                UUID forFirst = UUID.randomUUID();
                UUID forSecond = UUID.randomUUID();
                publish(envelope(forFirst));
                publisher.basicPublish(AmqpSettings.EXCHANGE, otherKey, null, envelope(forSecond));
                Await.until(() -> effects(forFirst) == 1 && effects(forSecond) == 1);
            } finally {
                viaProxy.close();
                publisher.queueDelete(otherQueue);
                publisher.queueDelete(otherQueue + ".dlq");
            }
        }
    }

    @Test
    void aMessageThatKillsEveryConsumerReachesTheDeadLetterQueueAfterTheDeliveryLimitAcrossRestarts() throws Exception {
        int limit = 3;
        AtomicInteger calls = new AtomicInteger();
        UUID id = UUID.randomUUID();
        // Each "process" has its own connections and memory; its handler hangs until the process dies.
        for (int run = 1; run <= limit; run++) {
            CountDownLatch inHandler = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            EventHandler killer = (handle, event) -> {
                calls.incrementAndGet();
                inHandler.countDown();
                never.await(30, TimeUnit.SECONDS);
                throw new IllegalStateException("the process died");
            };
            AmqpConnector process = new AmqpConnector(
                    new AmqpSettings(TestServices.get().amqpUri(), AmqpSettings.EXCHANGE).withDeliveryLimit(limit),
                    "doomed-" + run);
            EventConsumer doomed = consumer(killer, FAST, process).start();
            if (run == 1) publish(envelope(id));
            assertThat(inHandler.await(10, TimeUnit.SECONDS))
                    .as("delivery %d reached the handler", run)
                    .isTrue();
            process.close(); // the process dies holding the message
            doomed.close();
            never.countDown();
        }
        AtomicInteger afterRestart = new AtomicInteger();
        AmqpConnector restarted = new AmqpConnector(
                new AmqpSettings(TestServices.get().amqpUri(), AmqpSettings.EXCHANGE).withDeliveryLimit(limit),
                "restarted");
        try (EventConsumer consumer = consumer((handle, event) -> afterRestart.incrementAndGet(), FAST, restarted)
                .start()) {
            Await.until(() -> queueDepth(queue + ".dlq") == 1);
            assertThat(afterRestart.get())
                    .as("the poison message is not handed to a new process")
                    .isZero();
            assertThat(calls.get()).isEqualTo(limit);
            // The original is acked once its parked copy is confirmed, a moment after the copy shows in the .dlq.
            Await.until(() -> queueDepth(queue) == 0);
        } finally {
            restarted.close();
        }
        GetResponse parked = publisher.basicGet(queue + ".dlq", true);
        assertThat(parked.getProps().getHeaders().get("x-eco2-error").toString())
                .contains("without an ack");
        assertThat(MAPPER.readTree(parked.getBody()).get("id").asText()).isEqualTo(id.toString());
    }

    @Test
    void deadLettersCarryTheTtlAndExpire() throws Exception {
        EventHandler failing = (handle, event) -> {
            throw new IllegalStateException("always");
        };
        try (EventConsumer consumer = consumer(failing, FAST).start()) {
            publish(envelope(UUID.randomUUID()));
            Await.until(() -> queueDepth(queue + ".dlq") == 1);
            // The original is acked a moment after its parked copy is confirmed (the counter moves then); closing
            // earlier would requeue it, and the next consumer would park it a second time.
            Await.until(
                    () -> registry.get("eco2_events_dead_lettered").counter().count() == 1.0);
        }
        GetResponse parked = publisher.basicGet(queue + ".dlq", false);
        assertThat(parked.getProps().getExpiration())
                .as("the default dead-letter TTL, 14 days")
                .isNotNull();
        publisher.basicNack(parked.getEnvelope().getDeliveryTag(), false, true);

        AmqpConnector shortTtl = new AmqpConnector(
                new AmqpSettings(TestServices.get().amqpUri(), AmqpSettings.EXCHANGE)
                        .withDeadLetterTtl(Duration.ofSeconds(1)),
                "short-ttl");
        publisher.queuePurge(queue + ".dlq");
        registry = new SimpleMeterRegistry();
        try (EventConsumer consumer = consumer(failing, FAST, shortTtl).start()) {
            publish(envelope(UUID.randomUUID()));
            Await.until(
                    () -> registry.get("eco2_events_dead_lettered").counter().count() == 1.0);
        } finally {
            shortTtl.close();
        }
        Thread.sleep(1500);
        assertThat(publisher.basicGet(queue + ".dlq", true))
                .as("expired after its TTL")
                .isNull();
    }

    private EventConsumer consumer(EventHandler handler, List<Duration> delays) {
        return consumer(handler, delays, amqp);
    }

    private EventConsumer consumer(EventHandler handler, List<Duration> delays, AmqpConnector connector) {
        return new EventConsumer(
                new Subscription(queue, List.of(routingKey), handler, delays, 8), jdbi, connector, MAPPER, registry);
    }

    private static EventHandler recordEffect() {
        return (handle, event) -> handle.execute("INSERT INTO effects (event_id) VALUES (?)", event.id());
    }

    private byte[] envelope(UUID id) throws Exception {
        return MAPPER.writeValueAsBytes(
                new EventEnvelope(id, routingKey, Instant.now(), "test", MAPPER.valueToTree(Map.of("n", 1))));
    }

    private void publish(byte[] body) throws Exception {
        publisher.basicPublish(
                AmqpSettings.EXCHANGE,
                routingKey,
                new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .contentType("application/json")
                        .build(),
                body);
    }

    private long effects(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM effects WHERE event_id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .one());
    }

    private long queueDepth(String name) {
        try {
            return publisher.messageCount(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
