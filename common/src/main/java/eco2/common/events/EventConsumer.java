package eco2.common.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes one {@link Subscription} with manual acks and a prefetch limit. Each event is applied in one
 * transaction together with its {@code processed_events} row, so a redelivery has no second effect, and it is
 * acked only after that transaction commits. A failure is retried after each configured delay (the delivery
 * stays unacked meanwhile, so a crash simply means redelivery), then parked in {@code <queue>.dlq} with the
 * error; a parked copy expires after {@link AmqpSettings#deadLetterTtl()}. An unreadable envelope, and an
 * {@link InvalidEvent} from the handler (its data breaks the contract), are parked at once: no retry can fix them.
 *
 * <p>The count of deliveries that ended without an ack (the consumer crashed or stopped while holding the
 * message) lives on the message itself, so it survives restarts: a redelivered message is republished to the
 * queue with the count in {@value #DELIVERIES} and the original acked; once the count reaches
 * {@link AmqpSettings#deliveryLimit()}, it is parked instead of handled. Only plain AMQP 0-9-1: no quorum queues
 * or broker-specific dead-letter features, so the embedded broker behaves like RabbitMQ.
 */
public final class EventConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    /** Header with how many deliveries of this message ended without an ack. */
    public static final String DELIVERIES = "x-eco2-deliveries";

    private static final String ROUTING_KEY = "x-eco2-routing-key";
    private static final long CONFIRM_TIMEOUT_MS = 5000;

    private final Subscription subscription;
    private final Jdbi jdbi;
    private final AmqpConnector amqp;
    private final ObjectReader reader;
    private final ScheduledExecutorService retries;
    private final Counter consumed;
    private final Counter retried;
    private final Counter deadLettered;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private Channel channel;
    private String consumerTag;

    public EventConsumer(
            Subscription subscription, Jdbi jdbi, AmqpConnector amqp, ObjectMapper mapper, MeterRegistry registry) {
        this.subscription = subscription;
        this.jdbi = jdbi;
        this.amqp = amqp;
        // Newer producers may add envelope fields; an old consumer must not park their events for it.
        this.reader = mapper.readerFor(EventEnvelope.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-retry-" + subscription.queue());
            t.setDaemon(true);
            return t;
        });
        this.consumed = counter(registry, "eco2_events_consumed", "events applied (including duplicates skipped)");
        this.retried = counter(registry, "eco2_events_retried", "failed deliveries scheduled for another try");
        this.deadLettered =
                counter(registry, "eco2_events_dead_lettered", "deliveries parked in the dead-letter queue");
    }

    /** Declares the queue, its bindings and its dead-letter queue, then starts consuming. */
    public EventConsumer start() throws IOException {
        channel = amqp.openChannel();
        subscription.binding().declare(channel, amqp.exchange());
        channel.basicQos(subscription.prefetch());
        consumerTag = channel.basicConsume(
                subscription.queue(),
                false,
                AmqpConnector.consumerTag(subscription.queue()),
                new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                        Delivery delivery =
                                new Delivery(envelope.getDeliveryTag(), envelope.getRoutingKey(), props, body);
                        if (envelope.isRedeliver()) recount(delivery);
                        else attempt(delivery, 1);
                    }
                });
        return this;
    }

    /**
     * Starts now if the broker answers, otherwise keeps trying every few seconds in the background, so a broker
     * that is down at start-up does not keep the service's HTTP side from coming up (its /ready says rabbitmq).
     */
    public EventConsumer startWhenReachable() {
        try {
            start();
        } catch (IOException | RuntimeException e) {
            log.warn("cannot consume {} yet ({}); retrying in 5 s", subscription.queue(), e.toString());
            try {
                retries.schedule(this::startWhenReachable, 5, TimeUnit.SECONDS);
            } catch (RejectedExecutionException closing) {
                // closed before the broker came back
            }
        }
        return this;
    }

    private record Delivery(long tag, String routingKey, AMQP.BasicProperties props, byte[] body) {}

    /**
     * A redelivery: an earlier delivery ended without an ack, because a consumer died, lost its connection or was
     * stopped while holding it. Counts that on the message (republished, confirmed, then the original acked), or
     * parks the message once the count reaches the limit, so a message that kills every consumer stops.
     */
    private void recount(Delivery delivery) {
        inFlight.incrementAndGet();
        try {
            if (!draining) countOrPark(delivery);
            // draining: left unacked, so closing the channel hands it to another consumer
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void countOrPark(Delivery delivery) {
        int deliveries = deliveriesOf(delivery.props()) + 1;
        int limit = amqp.settings().deliveryLimit();
        if (deliveries >= limit) {
            log.error(
                    "message {} on {} was delivered {} times without being acked; parking it in {}",
                    delivery.props().getMessageId(),
                    subscription.queue(),
                    deliveries,
                    subscription.deadLetterQueue());
            park(
                    delivery,
                    deliveries,
                    "delivered " + deliveries + " times without an ack (consumer crashed or stopped)");
            return;
        }
        Map<String, Object> headers = headersOf(delivery);
        headers.put(DELIVERIES, deliveries);
        AMQP.BasicProperties props =
                delivery.props().builder().headers(headers).deliveryMode(2).build();
        try {
            publishConfirmed(subscription.queue(), props, delivery.body());
            channel.basicAck(delivery.tag(), false);
        } catch (Exception e) {
            // The count could not be kept; handle the message anyway rather than let it wait.
            log.warn("could not count a redelivery on {}: {}", subscription.queue(), e.toString());
            apply(delivery, 1);
        }
    }

    private static int deliveriesOf(AMQP.BasicProperties props) {
        Object value = props.getHeaders() == null ? null : props.getHeaders().get(DELIVERIES);
        return value instanceof Number n ? n.intValue() : 0;
    }

    /** The message's headers, plus the routing key it was first published with (copies come via the queue name). */
    private static Map<String, Object> headersOf(Delivery delivery) {
        Map<String, Object> headers = new HashMap<>();
        if (delivery.props().getHeaders() != null)
            headers.putAll(delivery.props().getHeaders());
        if (delivery.routingKey() != null) headers.putIfAbsent(ROUTING_KEY, delivery.routingKey());
        return headers;
    }

    /** On the publishing connection, so a blocked publisher never holds up this consumer's acks. */
    private void publishConfirmed(String queue, AMQP.BasicProperties props, byte[] body) throws Exception {
        try (Channel publisher = amqp.openPublisherChannel()) {
            QueueDelivery.sendConfirmed(publisher, queue, props, body, CONFIRM_TIMEOUT_MS);
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        inFlight.incrementAndGet();
        try {
            if (!draining) apply(delivery, attempt);
            // draining: left unacked, so closing the channel hands it to another consumer
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void apply(Delivery delivery, int attempt) {
        EventEnvelope event;
        try {
            event = reader.readValue(delivery.body());
            if (event.id() == null || event.type() == null)
                throw new IllegalArgumentException("envelope without id or type");
        } catch (Exception e) {
            park(delivery, attempt, "unreadable event: " + e.getMessage()); // retrying cannot fix a malformed message
            return;
        }
        try {
            jdbi.useTransaction(handle -> {
                if (handle.attach(ProcessedEvents.class).markProcessed(event.id(), event.type()) == 1) {
                    subscription.handler().handle(handle, event);
                }
            });
            channel.basicAck(delivery.tag(), false);
            consumed.increment();
        } catch (Exception e) {
            InvalidEvent invalid = invalid(e);
            if (invalid != null) {
                // The payload breaks its contract: retrying cannot fix it, and nothing of it was applied.
                log.warn(
                        "event {} ({}) is invalid, parking it in {}: {}",
                        event.id(),
                        event.type(),
                        subscription.deadLetterQueue(),
                        invalid.getMessage());
                park(delivery, attempt, invalid.toString());
            } else if (attempt <= subscription.retryDelays().size()) {
                long delay = subscription.retryDelays().get(attempt - 1).toMillis();
                log.warn(
                        "event {} ({}) failed on attempt {}, retrying in {} ms: {}",
                        event.id(),
                        event.type(),
                        attempt,
                        delay,
                        e.toString());
                retried.increment();
                try {
                    retries.schedule(() -> attempt(delivery, attempt + 1), delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closing) {
                    // shutting down: the delivery stays unacked and the broker hands it to the next consumer
                }
            } else {
                log.error(
                        "event {} ({}) failed {} times, parking it in {}",
                        event.id(),
                        event.type(),
                        attempt,
                        subscription.deadLetterQueue(),
                        e);
                park(delivery, attempt, e.toString());
            }
        }
    }

    /** The {@link InvalidEvent} behind a failure, however the transaction wrapped it; null for any other cause. */
    private static InvalidEvent invalid(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) if (t instanceof InvalidEvent e) return e;
        return null;
    }

    /**
     * Copies the message into the dead-letter queue with the error, confirmed, and only then acks the original.
     * The copy expires after the dead-letter TTL: a per-message expiration rather than a queue argument, so queues
     * declared before it existed need no migration, and changing the TTL never makes a declaration fail.
     */
    private void park(Delivery delivery, int attempts, String error) {
        try {
            // A replay arrives through eco2.queues (QueueDelivery); the routing key it was first published with is
            // kept.
            Map<String, Object> headers = headersOf(delivery);
            headers.put("x-eco2-error", error.length() > 1000 ? error.substring(0, 1000) : error);
            headers.put("x-eco2-attempts", attempts);
            headers.put("x-eco2-queue", subscription.queue());
            AMQP.BasicProperties props = delivery.props()
                    .builder()
                    .headers(headers)
                    .deliveryMode(2)
                    .expiration(amqp.expiration(amqp.settings().deadLetterTtl()))
                    .build();
            publishConfirmed(subscription.deadLetterQueue(), props, delivery.body());
            channel.basicAck(delivery.tag(), false);
            deadLettered.increment();
        } catch (Exception e) {
            // Not parked, not acked: the broker redelivers it (now or after a reconnect) and we try again.
            log.error("could not park a message from {}: {}", subscription.queue(), e.toString());
        }
    }

    private Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name)
                .tag("queue", subscription.queue())
                .description(description)
                .register(registry);
    }

    /**
     * Graceful stop: no new deliveries, the one being handled finishes (until {@code deadline}), then the channel
     * closes and whatever was prefetched or waiting for a retry goes back to the queue for another consumer.
     */
    public void drain(Instant deadline) {
        Channel ch = channel;
        if (ch != null && ch.isOpen() && consumerTag != null) {
            try {
                ch.basicCancel(consumerTag);
            } catch (Exception e) {
                log.debug("cancel of {} failed: {}", subscription.queue(), e.toString());
            }
        }
        draining = true;
        while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0)
            log.warn("{}: stopping with an event still being handled; it will be redelivered", subscription.queue());
        close();
    }

    @Override
    public void close() {
        draining = true;
        retries.shutdownNow();
        if (channel != null && channel.isOpen()) {
            try {
                channel.close();
            } catch (Exception ignored) {
                // unacked deliveries go back to the queue, which is what we want on shutdown
            }
        }
    }
}
