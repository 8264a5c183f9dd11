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
 * error. Only plain AMQP 0-9-1: no broker-specific dead-letter or delay features.
 */
public final class EventConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

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
        channel.queueDeclare(subscription.queue(), true, false, false, null);
        channel.queueDeclare(subscription.deadLetterQueue(), true, false, false, null);
        for (String key : subscription.routingKeys()) channel.queueBind(subscription.queue(), amqp.exchange(), key);
        channel.basicQos(subscription.prefetch());
        consumerTag = channel.basicConsume(
                subscription.queue(),
                false,
                AmqpConnector.consumerTag(subscription.queue()),
                new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                        attempt(new Delivery(envelope.getDeliveryTag(), envelope.getRoutingKey(), props, body), 1);
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
            if (attempt <= subscription.retryDelays().size()) {
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

    /** Copies the message into the dead-letter queue with the error, confirmed, and only then acks the original. */
    private void park(Delivery delivery, int attempts, String error) {
        try {
            Map<String, Object> headers = new HashMap<>();
            if (delivery.props().getHeaders() != null)
                headers.putAll(delivery.props().getHeaders());
            headers.put("x-eco2-error", error.length() > 1000 ? error.substring(0, 1000) : error);
            headers.put("x-eco2-attempts", attempts);
            headers.put("x-eco2-queue", subscription.queue());
            // A replay arrives through the default exchange; the routing key it was first published with is kept.
            if (delivery.routingKey() != null) headers.putIfAbsent("x-eco2-routing-key", delivery.routingKey());
            AMQP.BasicProperties props =
                    delivery.props().builder().headers(headers).deliveryMode(2).build();
            try (Channel publisher = amqp.openChannel()) {
                publisher.confirmSelect();
                publisher.basicPublish("", subscription.deadLetterQueue(), props, delivery.body());
                publisher.waitForConfirmsOrDie(5000);
            }
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
