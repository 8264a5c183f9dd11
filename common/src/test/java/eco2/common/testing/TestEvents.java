package eco2.common.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Events as another service's outbox relay would publish them ({@code {id, type, occurred_at, source, data}},
 * routed by type onto a test's own exchange), and the dead letters a consumer parks for them.
 */
public final class TestEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestEvents() {}

    /** Publishes one persistent event envelope; {@code data} may hold anything, malformed values included. */
    public static void publish(String exchange, UUID id, String type, Object data) throws Exception {
        try (Connection connection = TestServices.get().amqpConnection("test-events");
                Channel channel = connection.createChannel()) {
            publish(channel, exchange, id, type, data);
        }
    }

    /**
     * As {@link #publish(String, UUID, String, Object)}, on the caller's channel: the broker keeps the order of
     * messages only within one channel, so a test whose events must arrive in order sends them all on one.
     */
    public static void publish(Channel channel, String exchange, UUID id, String type, Object data) throws Exception {
        byte[] body = MAPPER.writeValueAsBytes(Map.of(
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
        channel.basicPublish(
                exchange,
                type,
                new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .contentType("application/json")
                        .build(),
                body);
    }

    /**
     * Waits (as {@link Await}) for the event with this id in {@code queue}'s dead-letter queue and takes it off;
     * other dead letters met on the way are dropped.
     */
    public static GetResponse awaitDeadLetter(String queue, UUID eventId) throws Exception {
        AtomicReference<GetResponse> found = new AtomicReference<>();
        try (Connection connection = TestServices.get().amqpConnection("test-dead-letters");
                Channel channel = connection.createChannel()) {
            Await.until(() -> {
                try {
                    GetResponse next = channel.basicGet(queue + ".dlq", true);
                    if (next != null && new String(next.getBody(), StandardCharsets.UTF_8).contains(eventId.toString()))
                        found.set(next);
                    return found.get() != null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return found.get();
    }

    /** The error the consumer parked the message with ({@code x-eco2-error}). */
    public static String error(GetResponse parked) {
        return String.valueOf(parked.getProps().getHeaders().get("x-eco2-error"));
    }
}
