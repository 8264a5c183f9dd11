package eco2.common.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import eco2.common.error.NotFound;
import eco2.common.error.Unavailable;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventConsumer;
import eco2.common.events.QueueDelivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter queues ({@code <queue>.dlq}) of one service's consumers: browse, replay, discard. Messages are
 * taken with {@code basicGet} and no ack on one channel, then the ones not acted on are nacked back in one go, so
 * they return to their places and nothing is lost if the process dies half-way (the broker requeues what a
 * closed channel held). Operations are serialised in this process so one browse does not hide messages from a
 * replay; across replicas a replay may briefly miss a message another replica holds (it answers 404; try again).
 */
public final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** How deep a replay or discard looks for its id before it gives up with 404. */
    static final int SEARCH_LIMIT = 10_000;

    private static final long CONFIRM_TIMEOUT_MS = 5000;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String ERROR = "x-eco2-error";
    private static final String ATTEMPTS = "x-eco2-attempts";
    private static final String QUEUE = "x-eco2-queue";
    private static final String ROUTING_KEY = "x-eco2-routing-key";

    private final AmqpConnector amqp;
    private final List<String> queues;
    private final ObjectMapper mapper;

    /** {@code queues} are the consumer queues; their dead letters are in {@code <queue>.dlq}. */
    public DeadLetters(AmqpConnector amqp, List<String> queues, ObjectMapper mapper) {
        this.amqp = amqp;
        this.queues = List.copyOf(queues);
        this.mapper = mapper;
    }

    /** For a service that consumes nothing. */
    public static DeadLetters none(ObjectMapper mapper) {
        return new DeadLetters(null, List.of(), mapper);
    }

    public List<String> queues() {
        return queues;
    }

    /** The consumer queue a path names (as {@code q} or {@code q.dlq}); any other name is 404. */
    public String resolve(String name) {
        String queue = name.endsWith(".dlq") ? name.substring(0, name.length() - 4) : name;
        if (!queues.contains(queue)) throw new NotFound("No dead-letter queue " + name + " in this service");
        return queue;
    }

    /** Each queue's dead-letter depth; null depths when the broker cannot be reached (stats still answer). */
    public List<AdminStats.QueueDepth> depths() {
        List<AdminStats.QueueDepth> depths = new ArrayList<>();
        for (String queue : queues) {
            Long depth;
            try (Channel channel = amqp.openChannel()) {
                depth = depth(channel, queue + ".dlq");
            } catch (Exception e) {
                log.warn("dead-letter depth of {} unknown: {}", queue, e.toString());
                depth = null;
            }
            depths.add(new AdminStats.QueueDepth(queue, depth));
        }
        return depths;
    }

    /** Up to {@code limit} messages from the head of the queue, left in place and in order. */
    public synchronized DeadLetterPage browse(String queue, int limit) {
        String dlq = queue + ".dlq";
        try (Channel channel = amqp.openChannel()) {
            long depth = depth(channel, dlq);
            List<DeadLetter> messages = new ArrayList<>();
            long last = -1;
            while (depth > 0 && messages.size() < limit) {
                GetResponse message = channel.basicGet(dlq, false);
                if (message == null) break;
                last = message.getEnvelope().getDeliveryTag();
                messages.add(view(message));
            }
            if (last >= 0) channel.basicNack(last, true, true);
            return new DeadLetterPage(queue, depth, messages);
        } catch (IOException | java.util.concurrent.TimeoutException | ShutdownSignalException e) {
            throw unavailable(e);
        }
    }

    /**
     * Publishes the message to its consumer's queue alone (through {@link QueueDelivery}: routing key = the queue), without the
     * error and attempts headers, waits for the broker's confirm, and only then removes it from the dead letters.
     */
    public synchronized void replay(String queue, String id) {
        take(queue, id, (channel, message) -> {
            Map<String, Object> headers = new HashMap<>();
            if (message.getProps().getHeaders() != null)
                headers.putAll(message.getProps().getHeaders());
            headers.remove(ERROR);
            headers.remove(ATTEMPTS);
            headers.remove(QUEUE);
            headers.remove(EventConsumer.DELIVERIES);
            // The dead-letter TTL is the copy's own expiration: the replayed message must not inherit it.
            AMQP.BasicProperties props = message.getProps()
                    .builder()
                    .headers(headers)
                    .deliveryMode(2)
                    .expiration(null)
                    .build();
            // Declared as its consumer declares it, so a replay while the consumer is away waits instead of vanishing.
            channel.queueDeclare(queue, true, false, false, null);
            QueueDelivery.bind(channel, queue);
            QueueDelivery.sendConfirmed(channel, queue, props, message.getBody(), CONFIRM_TIMEOUT_MS);
        });
    }

    /** Removes the message for good. */
    public synchronized void discard(String queue, String id) {
        take(queue, id, (channel, message) -> {});
    }

    private interface Action {
        void apply(Channel channel, GetResponse message) throws Exception;
    }

    /**
     * Walks the queue (without acking) to the message with {@code id}, applies {@code action}, acks that one, and
     * nacks the ones before it back into place. A failure anywhere closes the channel: everything is requeued.
     */
    private void take(String queue, String id, Action action) {
        String dlq = queue + ".dlq";
        boolean found = false;
        try (Channel channel = amqp.openChannel()) {
            long depth = depth(channel, dlq);
            long lastOther = -1;
            for (int i = 0; depth > 0 && i < SEARCH_LIMIT; i++) {
                GetResponse message = channel.basicGet(dlq, false);
                if (message == null) break;
                if (idOf(message).equals(id)) {
                    action.apply(channel, message);
                    channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                    found = true;
                    break;
                }
                lastOther = message.getEnvelope().getDeliveryTag();
            }
            if (lastOther >= 0) channel.basicNack(lastOther, true, true);
        } catch (Exception e) {
            throw unavailable(e);
        }
        if (!found) throw new NotFound("No message " + id + " in " + dlq);
    }

    /** The queue's ready messages; 0 when it does not exist yet (its consumer never started). */
    private static long depth(Channel channel, String dlq) throws IOException {
        try {
            return channel.queueDeclarePassive(dlq).getMessageCount();
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException signal
                    && signal.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == 404) return 0;
            throw e;
        }
    }

    private DeadLetter view(GetResponse message) {
        AMQP.BasicProperties props = message.getProps();
        Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
        JsonNode json = parse(message.getBody());
        String type =
                json != null && json.path("type").isTextual() ? json.get("type").asText() : props.getType();
        Object routingKey = headers.get(ROUTING_KEY);
        Object error = headers.get(ERROR);
        Integer attempts = headers.get(ATTEMPTS) instanceof Number n ? n.intValue() : null;
        Object body = json != null ? json : new String(message.getBody(), StandardCharsets.UTF_8);
        return new DeadLetter(
                idOf(message),
                type,
                routingKey != null ? routingKey.toString() : type,
                error != null ? error.toString() : null,
                attempts,
                body);
    }

    /** The envelope's id, else the AMQP message id, else the first 128 bits of the body's SHA-256, in hex. */
    private String idOf(GetResponse message) {
        JsonNode json = parse(message.getBody());
        if (json != null
                && json.path("id").isTextual()
                && SAFE_ID.matcher(json.get("id").asText()).matches())
            return json.get("id").asText();
        String messageId = message.getProps().getMessageId();
        if (messageId != null && SAFE_ID.matcher(messageId).matches()) return messageId;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(message.getBody());
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode json = mapper.readTree(body);
            return json != null && json.isContainerNode() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Unavailable unavailable(Exception e) {
        log.warn("dead-letter operation failed: {}", e.toString());
        return new Unavailable("The message broker cannot be reached right now");
    }
}
