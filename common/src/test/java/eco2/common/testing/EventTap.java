package eco2.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Watches what a service publishes: a server-named, exclusive queue bound to routing keys on the test's own
 * exchange. {@link #next} returns the first event envelope matching a predicate, skipping others.
 */
public final class EventTap implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Connection connection;
    private final Channel channel;
    private final String queue;

    private EventTap(Connection connection, Channel channel, String queue) {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    public static EventTap bind(String exchange, String... routingKeys) throws Exception {
        Connection connection = TestServices.get().amqpConnection("event-tap");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare().getQueue();
        for (String key : routingKeys) channel.queueBind(queue, exchange, key);
        return new EventTap(connection, channel, queue);
    }

    /** The next matching event envelope, within 15 s. */
    public JsonNode next(Predicate<JsonNode> match) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            GetResponse message = channel.basicGet(queue, true);
            if (message == null) {
                Thread.sleep(20);
                continue;
            }
            JsonNode event = MAPPER.readTree(message.getBody());
            if (match.test(event)) return event;
        }
        throw new AssertionError("no matching event on " + queue + " within 15 s");
    }

    /** How many messages wait in the tap right now (for "nothing else was published" checks after a known event). */
    public long pending() throws IOException {
        return channel.messageCount(queue);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
