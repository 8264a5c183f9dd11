package eco2.workers.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import eco2.common.events.AmqpConnector;
import eco2.common.events.EventFields;
import eco2.common.events.QueueBinding;
import eco2.common.events.QueueDelivery;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code scan.requested} with many tasks in flight: the prefetch bounds how many, and each delivery is
 * acked only once its task has ended (done or failed, stored). A delivery whose task could not reach the database
 * is handed back after a pause; a worker that dies leaves its deliveries unacked, so another one resumes them.
 */
public final class ScanConsumer implements AutoCloseable {
    public static final String REQUESTED = "scan.requested";
    private static final Logger log = LoggerFactory.getLogger(ScanConsumer.class);
    private static final long RETRY_PAUSE_MS = 5000;

    private final String queue;
    private final int prefetch;
    private final AmqpConnector amqp;
    private final ScanPipeline pipeline;
    private final ObjectMapper mapper;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scan-consumer-retry");
        t.setDaemon(true);
        return t;
    });
    private Channel channel;
    private String consumerTag;

    public ScanConsumer(String queue, int prefetch, AmqpConnector amqp, ScanPipeline pipeline, ObjectMapper mapper) {
        this.queue = queue;
        this.prefetch = prefetch;
        this.amqp = amqp;
        this.pipeline = pipeline;
        this.mapper = mapper;
    }

    /** The queue and its bindings, also declared by {@code workers.jar migrate}. */
    public static QueueBinding binding(String queue) {
        return new QueueBinding(queue, List.of(REQUESTED));
    }

    /** Declares the queue (and its dead-letter queue for unreadable messages) and starts consuming. */
    public synchronized ScanConsumer start() throws IOException {
        channel = amqp.openChannel();
        binding(queue).declare(channel, amqp.exchange());
        channel.basicQos(prefetch);
        consumerTag =
                channel.basicConsume(queue, false, AmqpConnector.consumerTag(queue), new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                        receive(envelope.getDeliveryTag(), body);
                    }
                });
        return this;
    }

    /** Starts now, or keeps trying every 5 s while the broker is away. */
    public ScanConsumer startWhenReachable() {
        try {
            start();
        } catch (IOException | RuntimeException e) {
            log.warn("cannot consume {} yet ({}); retrying in 5 s", queue, e.toString());
            later.schedule(this::startWhenReachable, 5, TimeUnit.SECONDS);
        }
        return this;
    }

    public int inFlight() {
        return inFlight.get();
    }

    private void receive(long tag, byte[] body) {
        UUID taskId = taskId(body);
        if (taskId == null) {
            log.error("unreadable scan.requested message; parking it in {}.dlq", queue);
            park(tag, body);
            return;
        }
        inFlight.incrementAndGet();
        pipeline.run(taskId).whenComplete((ignored, error) -> {
            inFlight.decrementAndGet();
            if (error == null) {
                ack(tag);
            } else {
                log.warn("scan {} paused ({}); redelivering in {} ms", taskId, error.toString(), RETRY_PAUSE_MS);
                later.schedule(() -> nack(tag), RETRY_PAUSE_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The task id, read as strictly as every event consumer reads ids; null when the message breaks its contract. */
    private UUID taskId(byte[] body) {
        try {
            JsonNode event = mapper.readTree(body);
            return EventFields.of(REQUESTED, event.path("data")).uuid("task_id");
        } catch (IOException | IllegalArgumentException e) { // InvalidEvent included
            return null;
        }
    }

    private synchronized void ack(long tag) {
        try {
            if (channel.isOpen()) channel.basicAck(tag, false);
        } catch (IOException | RuntimeException e) {
            log.warn("ack failed ({}); the broker will redeliver and the task is already ended", e.toString());
        }
    }

    private synchronized void nack(long tag) {
        try {
            if (channel.isOpen()) channel.basicNack(tag, false, true);
        } catch (IOException | RuntimeException e) {
            log.warn("nack failed ({}); the broker redelivers on reconnect", e.toString());
        }
    }

    private synchronized void park(long tag, byte[] body) {
        try {
            // The same headers the event consumers park with, so the admin endpoints show why it is here.
            QueueDelivery.send(
                    channel,
                    queue + ".dlq",
                    new AMQP.BasicProperties.Builder()
                            .deliveryMode(2)
                            .headers(java.util.Map.of(
                                    "x-eco2-error",
                                    "unreadable scan.requested message: no data.task_id",
                                    "x-eco2-attempts",
                                    1,
                                    "x-eco2-queue",
                                    queue,
                                    "x-eco2-routing-key",
                                    REQUESTED))
                            .expiration(amqp.expiration(amqp.settings().deadLetterTtl()))
                            .build(),
                    body);
            channel.basicAck(tag, false);
        } catch (IOException | RuntimeException e) {
            log.error("could not park an unreadable scan message: {}", e.toString());
        }
    }

    /** Stops taking new tasks and waits (until {@code deadline}) for the ones in flight to end. */
    public void drain(Instant deadline) {
        synchronized (this) {
            try {
                if (channel != null && channel.isOpen() && consumerTag != null) channel.basicCancel(consumerTag);
            } catch (IOException | RuntimeException e) {
                log.debug("cancel of {} failed: {}", queue, e.toString());
            }
        }
        while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    @Override
    public synchronized void close() {
        later.shutdownNow();
        try {
            if (channel != null && channel.isOpen()) channel.close();
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            log.debug("closing {}: {}", queue, e.toString());
        }
    }
}
